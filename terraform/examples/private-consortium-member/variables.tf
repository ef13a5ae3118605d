variable "region" {
  description = "AWS region of the deployment."
  type        = string
  default     = "eu-central-1"
}

variable "member_name" {
  description = "Short name of the consortium member (bank), used as the name prefix."
  type        = string
  default     = "bank-a"
}

variable "availability_zones" {
  description = "Two availability zones of the region."
  type        = list(string)
  default     = ["eu-central-1a", "eu-central-1b"]
}

variable "vpc_cidr_block" {
  description = "CIDR block of the member's VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "appliance_ami_id" {
  description = "AMI of the appliance hosts (the bank's hardened Debian 12 image)."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate of the internal load balancer, issued by the bank's private CA."
  type        = string
}

variable "client_cidr_blocks" {
  description = "Bank and consortium networks allowed to reach the load balancer."
  type        = list(string)
  default     = ["10.0.0.0/8"]
}

variable "peer_cidr_blocks" {
  description = "Other members' appliance networks (reached over the consortium's private interconnect)."
  type        = list(string)
  default     = []
}

variable "use_cloudhsm" {
  description = "Create a CloudHSM cluster for the signing keys."
  type        = bool
  default     = false
}
