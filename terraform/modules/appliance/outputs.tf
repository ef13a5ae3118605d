output "security_group_id" {
  description = "Security group of the appliance hosts (the database allows PostgreSQL from it)."
  value       = aws_security_group.appliance.id
}

output "autoscaling_group_name" {
  description = "Name of the auto-scaling group."
  value       = aws_autoscaling_group.appliance.name
}

output "instance_tag" {
  description = "Tag that marks the appliance instances, for the Ansible aws_ec2 inventory plugin."
  value       = { key = "cairn:role", value = "appliance" }
}

output "iam_role_arn" {
  description = "IAM role of the appliance instances."
  value       = aws_iam_role.appliance.arn
}
