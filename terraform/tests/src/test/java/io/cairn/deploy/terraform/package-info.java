/**
 * Checks of the Terraform modules in {@code terraform/} with what a machine without a terraform binary
 * offers: HashiCorp's HCL parser (npm {@code @cdktf/hcl2json}) with the modules' conventions, and checkov.
 */
package io.cairn.deploy.terraform;
