output "endpoint" {
  description = "Host name of the database (the Multi-AZ writer)."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the database."
  value       = aws_db_instance.this.port
}

output "jdbc_url" {
  description = "JDBC URL for Cairn's storage.url."
  value       = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.database_name}"
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret with the master user's generated password."
  value       = try(aws_db_instance.this.master_user_secret[0].secret_arn, "")
}

output "security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.database.id
}
