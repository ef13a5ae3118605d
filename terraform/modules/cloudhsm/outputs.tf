output "cluster_id" {
  description = "ID of the CloudHSM cluster."
  value       = aws_cloudhsm_v2_cluster.this.cluster_id
}

output "security_group_id" {
  description = "Security group created by CloudHSM for the cluster (clients need 2223-2225 to it)."
  value       = aws_cloudhsm_v2_cluster.this.security_group_id
}

output "hsm_ip_addresses" {
  description = "Private addresses of the HSMs (for the CloudHSM client configuration)."
  value       = aws_cloudhsm_v2_hsm.this[*].ip_address
}
