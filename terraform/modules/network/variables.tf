variable "name" {
  description = "Name prefix of every resource (for example \"cairn-bank-a\")."
  type        = string
}

variable "cidr_block" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "Exactly two availability zones for the private subnets."
  type        = list(string)
  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "Give exactly two availability zones."
  }
}

variable "private_subnet_cidrs" {
  description = "CIDR blocks of the private subnets, one per availability zone, in the same order."
  type        = list(string)
  default     = ["10.40.1.0/24", "10.40.2.0/24"]
  validation {
    condition     = length(var.private_subnet_cidrs) == 2
    error_message = "Give one CIDR block per availability zone (two)."
  }
}

variable "interface_endpoints" {
  description = "AWS services reached through interface VPC endpoints (no internet path exists)."
  type        = list(string)
  default     = ["ssm", "ssmmessages", "ec2messages", "kms", "logs", "monitoring", "secretsmanager", "autoscaling"]
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the VPC flow logs."
  type        = string
}

variable "flow_log_retention_days" {
  description = "Days the VPC flow logs are kept."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
