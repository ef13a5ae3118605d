variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the appliances."
  type        = string
}

variable "vpc_cidr_block" {
  description = "CIDR block of the VPC (database and VPC endpoints are reached inside it)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in two availability zones for the auto-scaling group."
  type        = list(string)
  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Spread the appliances over at least two subnets in different availability zones."
  }
}

variable "ami_id" {
  description = "AMI of the appliance hosts (Debian 12 hardened by the bank; Ansible installs Cairn on it)."
  type        = string
}

variable "instance_type" {
  description = "EC2 instance type of an appliance host."
  type        = string
  default     = "m6i.large"
}

variable "instance_count" {
  description = "Number of appliance instances (two or more: one leads the background jobs, the others take over)."
  type        = number
  default     = 2
  validation {
    condition     = var.instance_count >= 2
    error_message = "Run at least two appliances for high availability."
  }
}

variable "root_volume_size_gb" {
  description = "Size of the encrypted root volume in GiB."
  type        = number
  default     = 50
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the EBS volumes and the appliance's secrets."
  type        = string
}

variable "port" {
  description = "Port the appliance serves HTTPS on."
  type        = number
  default     = 8443
}

variable "load_balancer_security_group_id" {
  description = "Security group of the internal load balancer, the only in-VPC client of the appliance port."
  type        = string
}

variable "target_group_arns" {
  description = "Load balancer target groups the instances register with."
  type        = list(string)
  default     = []
}

variable "peer_cidr_blocks" {
  description = "Networks allowed to call the appliance port directly (other consortium members' appliances, the bank's operators)."
  type        = list(string)
  default     = []
}

variable "egress_https_cidr_blocks" {
  description = "Networks the appliance calls over HTTPS besides the VPC: other members' appliances, ledger nodes."
  type        = list(string)
  default     = []
}

variable "hsm_security_group_id" {
  description = "Security group of the CloudHSM cluster, when one is used (empty: none)."
  type        = string
  default     = ""
}

variable "secret_arns" {
  description = "Secrets Manager secrets the appliance may read (database credentials, keystore passwords)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
