output "dns_name" {
  description = "Internal DNS name of the load balancer (point the bank's record for Cairn at it)."
  value       = aws_lb.this.dns_name
}

output "security_group_id" {
  description = "Security group of the load balancer (the appliances accept their port from it)."
  value       = aws_security_group.load_balancer.id
}

output "target_group_arn" {
  description = "Target group of the appliances."
  value       = aws_lb_target_group.appliance.arn
}
