# Optional AWS CloudHSM cluster for Cairn's signing keys (PKCS#11 through the CloudHSM client library).
# Initialising and activating the cluster (signing its CSR with the bank's CA, creating the crypto user)
# is a manual ceremony outside Terraform.

resource "aws_cloudhsm_v2_cluster" "this" {
  hsm_type   = "hsm1.medium"
  subnet_ids = var.subnet_ids
  tags       = merge(var.tags, { Name = "${var.name}-cairn" })
}

resource "aws_cloudhsm_v2_hsm" "this" {
  count      = var.hsm_count
  cluster_id = aws_cloudhsm_v2_cluster.this.cluster_id
  subnet_id  = var.subnet_ids[count.index % length(var.subnet_ids)]
}
