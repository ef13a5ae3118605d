# Appliance hosts: a launch template (IMDSv2 only, KMS-encrypted EBS, no public IP) and an auto-scaling group
# over two availability zones. Cairn itself is installed by the Ansible roles (ansible/), reached through SSM.

resource "aws_security_group" "appliance" {
  name        = "${var.name}-appliance"
  description = "Cairn appliance hosts"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  security_group_id            = aws_security_group.appliance.id
  description                  = "Appliance HTTPS from the internal load balancer"
  referenced_security_group_id = var.load_balancer_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
}

resource "aws_vpc_security_group_ingress_rule" "from_peers" {
  for_each          = toset(var.peer_cidr_blocks)
  security_group_id = aws_security_group.appliance.id
  description       = "Appliance HTTPS from a consortium peer or operator network"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = var.port
  to_port           = var.port
}

resource "aws_vpc_security_group_egress_rule" "postgresql" {
  security_group_id = aws_security_group.appliance.id
  description       = "PostgreSQL inside the VPC"
  cidr_ipv4         = var.vpc_cidr_block
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
}

resource "aws_vpc_security_group_egress_rule" "vpc_https" {
  security_group_id = aws_security_group.appliance.id
  description       = "HTTPS to the VPC endpoints and the other appliances"
  cidr_ipv4         = var.vpc_cidr_block
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = var.port
}

resource "aws_vpc_security_group_egress_rule" "external_https" {
  for_each          = toset(var.egress_https_cidr_blocks)
  security_group_id = aws_security_group.appliance.id
  description       = "HTTPS to a consortium peer or ledger node"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = var.port
}

resource "aws_vpc_security_group_egress_rule" "cloudhsm" {
  count                        = var.hsm_security_group_id == "" ? 0 : 1
  security_group_id            = aws_security_group.appliance.id
  description                  = "CloudHSM client"
  referenced_security_group_id = var.hsm_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 2223
  to_port                      = 2225
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "appliance" {
  statement {
    sid       = "DecryptWithTheApplianceKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
  dynamic "statement" {
    for_each = length(var.secret_arns) == 0 ? [] : [1]
    content {
      sid       = "ReadTheApplianceSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.secret_arns
    }
  }
}

resource "aws_iam_role" "appliance" {
  name               = "${var.name}-appliance"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "appliance" {
  name   = "cairn-appliance"
  role   = aws_iam_role.appliance.id
  policy = data.aws_iam_policy_document.appliance.json
}

# Session Manager replaces SSH from outside: Ansible connects through it.
resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.appliance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "appliance" {
  name = "${var.name}-appliance"
  role = aws_iam_role.appliance.name
  tags = var.tags
}

resource "aws_launch_template" "appliance" {
  name_prefix            = "${var.name}-appliance-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  update_default_version = true
  ebs_optimized          = true
  vpc_security_group_ids = [aws_security_group.appliance.id]

  iam_instance_profile {
    arn = aws_iam_instance_profile.appliance.arn
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  monitoring {
    enabled = true
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = var.root_volume_size_gb
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = var.kms_key_arn
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.name}-appliance", "cairn:role" = "appliance" })
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge(var.tags, { Name = "${var.name}-appliance" })
  }

  tags = var.tags
}

resource "aws_autoscaling_group" "appliance" {
  name                      = "${var.name}-appliance"
  min_size                  = var.instance_count
  max_size                  = var.instance_count
  desired_capacity          = var.instance_count
  vpc_zone_identifier       = var.subnet_ids
  target_group_arns         = var.target_group_arns
  health_check_type         = length(var.target_group_arns) > 0 ? "ELB" : "EC2"
  health_check_grace_period = 300

  launch_template {
    id      = aws_launch_template.appliance.id
    version = aws_launch_template.appliance.latest_version
  }

  dynamic "tag" {
    for_each = merge(var.tags, { "cairn:role" = "appliance" })
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}
