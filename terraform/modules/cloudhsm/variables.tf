variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in two availability zones; one HSM is placed in each."
  type        = list(string)
}

variable "hsm_count" {
  description = "Number of HSMs in the cluster (at least two, in different availability zones)."
  type        = number
  default     = 2
  validation {
    condition     = var.hsm_count >= 2
    error_message = "Use at least two HSMs so that keys survive the loss of one."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
