variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "vpc_cidr_block" {
  description = "CIDR block of the VPC (the appliances' addresses)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in two availability zones."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate (issued by the bank's private CA) served by the TLS listener."
  type        = string
}

variable "client_cidr_blocks" {
  description = "Networks allowed to reach the listener (the bank's operators, other members' appliances)."
  type        = list(string)
}

variable "appliance_port" {
  description = "Port the appliances serve HTTPS on."
  type        = number
  default     = 8443
}

variable "access_log_bucket" {
  description = "S3 bucket for the load balancer's access logs (empty: no access logs)."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
