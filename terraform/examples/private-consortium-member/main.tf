# One consortium member's private Cairn deployment: VPC without internet access, two appliances behind an
# internal load balancer, RDS PostgreSQL Multi-AZ, one KMS key, optionally CloudHSM.

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Application = "cairn"
      Member      = var.member_name
    }
  }
}

data "aws_caller_identity" "current" {}

# A key policy's Resource "*" means "this key"; the account-root statement is how AWS delegates the key's
# administration to IAM policies.
data "aws_iam_policy_document" "kms" {
  #checkov:skip=CKV_AWS_109:key policy: Resource "*" is the key itself, administration is delegated to IAM
  #checkov:skip=CKV_AWS_111:key policy: Resource "*" is the key itself
  #checkov:skip=CKV_AWS_356:key policy: Resource "*" is the key itself
  statement {
    sid       = "AccountAdministersTheKey"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "CloudWatchLogsEncryptFlowLogs"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "cairn" {
  description             = "Cairn ${var.member_name}: EBS, RDS, secrets and logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
}

resource "aws_kms_alias" "cairn" {
  name          = "alias/cairn-${var.member_name}"
  target_key_id = aws_kms_key.cairn.key_id
}

module "network" {
  source             = "../../modules/network"
  name               = "cairn-${var.member_name}"
  cidr_block         = var.vpc_cidr_block
  availability_zones = var.availability_zones
  private_subnet_cidrs = [
    cidrsubnet(var.vpc_cidr_block, 8, 1),
    cidrsubnet(var.vpc_cidr_block, 8, 2),
  ]
  kms_key_arn = aws_kms_key.cairn.arn
}

module "cloudhsm" {
  count      = var.use_cloudhsm ? 1 : 0
  source     = "../../modules/cloudhsm"
  name       = "cairn-${var.member_name}"
  subnet_ids = module.network.private_subnet_ids
}

module "load_balancer" {
  source             = "../../modules/load_balancer"
  name               = "cairn-${var.member_name}"
  vpc_id             = module.network.vpc_id
  vpc_cidr_block     = module.network.vpc_cidr_block
  subnet_ids         = module.network.private_subnet_ids
  certificate_arn    = var.certificate_arn
  client_cidr_blocks = var.client_cidr_blocks
}

module "appliance" {
  source                          = "../../modules/appliance"
  name                            = "cairn-${var.member_name}"
  vpc_id                          = module.network.vpc_id
  vpc_cidr_block                  = module.network.vpc_cidr_block
  subnet_ids                      = module.network.private_subnet_ids
  ami_id                          = var.appliance_ami_id
  kms_key_arn                     = aws_kms_key.cairn.arn
  load_balancer_security_group_id = module.load_balancer.security_group_id
  target_group_arns               = [module.load_balancer.target_group_arn]
  peer_cidr_blocks                = var.peer_cidr_blocks
  egress_https_cidr_blocks        = var.peer_cidr_blocks
  hsm_security_group_id           = var.use_cloudhsm ? module.cloudhsm[0].security_group_id : ""
  secret_arns                     = [module.database.master_user_secret_arn]
}

module "database" {
  source                    = "../../modules/database"
  name                      = "cairn-${var.member_name}"
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = [module.appliance.security_group_id]
  kms_key_arn               = aws_kms_key.cairn.arn
}
