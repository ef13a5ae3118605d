output "load_balancer_dns_name" {
  description = "Internal DNS name of the appliances' load balancer."
  value       = module.load_balancer.dns_name
}

output "database_jdbc_url" {
  description = "JDBC URL for Cairn's storage.url."
  value       = module.database.jdbc_url
}

output "ansible_inventory" {
  description = "Contents of an Ansible inventory file (amazon.aws.aws_ec2 plugin) that finds the appliance instances by tag and sets the variables of ansible/roles/cairn_appliance; save it as <name>.aws_ec2.yml."
  value = yamlencode({
    plugin  = "amazon.aws.aws_ec2"
    regions = [var.region]
    filters = {
      "tag:${module.appliance.instance_tag.key}" = module.appliance.instance_tag.value
      "instance-state-name"                      = "running"
    }
    hostnames = ["instance-id"]
    compose = {
      ansible_host         = "instance_id"
      ansible_connection   = "'amazon.aws.aws_ssm'"
      cairn_server_host    = "private_ip_address"
      cairn_metrics_target = "private_ip_address ~ ':8443'"
    }
    groups = {
      cairn_appliances = "true"
    }
  })
}

output "ansible_group_vars" {
  description = "Variables for group_vars/cairn_appliances.yml (secrets stay in Ansible Vault)."
  value = yamlencode({
    cairn_storage_mode              = "external"
    cairn_storage_url               = module.database.jdbc_url
    cairn_storage_tls_mode          = "verify-full"
    cairn_database_master_secret    = module.database.master_user_secret_arn
    cairn_load_balancer_dns_name    = module.load_balancer.dns_name
    cairn_cloudhsm_cluster_id       = var.use_cloudhsm ? module.cloudhsm[0].cluster_id : ""
    cairn_cloudhsm_hsm_ip_addresses = var.use_cloudhsm ? module.cloudhsm[0].hsm_ip_addresses : []
  })
}
