# Internal Network Load Balancer: TLS on 443 with the bank's certificate, re-encrypted to the appliances
# on their HTTPS port; targets are healthy only while /health/ready answers 200.

resource "aws_security_group" "load_balancer" {
  name        = "${var.name}-load-balancer"
  description = "Internal load balancer of the Cairn appliances"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each          = toset(var.client_cidr_blocks)
  security_group_id = aws_security_group.load_balancer.id
  description       = "TLS from a client network"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "appliances" {
  security_group_id = aws_security_group.load_balancer.id
  description       = "HTTPS to the appliances"
  cidr_ipv4         = var.vpc_cidr_block
  ip_protocol       = "tcp"
  from_port         = var.appliance_port
  to_port           = var.appliance_port
}

resource "aws_lb" "this" {
  name                             = "${var.name}-cairn"
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = var.subnet_ids
  security_groups                  = [aws_security_group.load_balancer.id]
  enable_cross_zone_load_balancing = true
  enable_deletion_protection       = true
  tags                             = var.tags

  dynamic "access_logs" {
    for_each = var.access_log_bucket == "" ? [] : [var.access_log_bucket]
    content {
      bucket  = access_logs.value
      prefix  = var.name
      enabled = true
    }
  }
}

resource "aws_lb_target_group" "appliance" {
  name                 = "${var.name}-cairn"
  port                 = var.appliance_port
  protocol             = "TLS"
  target_type          = "instance"
  vpc_id               = var.vpc_id
  deregistration_delay = 30
  tags                 = var.tags

  health_check {
    protocol            = "HTTPS"
    path                = "/health/ready"
    port                = "traffic-port"
    matcher             = "200"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "TLS"
  certificate_arn   = var.certificate_arn
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  alpn_policy       = "HTTP2Preferred"
  tags              = var.tags

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.appliance.arn
  }
}
