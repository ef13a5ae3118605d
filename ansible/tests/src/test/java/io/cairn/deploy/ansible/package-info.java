/**
 * Tests of the deployment tooling kept in {@code ansible/} and {@code appliance/packaging/}: each test runs
 * the real tool (the packaging script, ansible-lint, promtool, ansible-playbook over SSH) and checks its
 * result; a missing tool skips the test with the reason unless {@code CAIRN_REQUIRE_TEST_TOOLS=true}.
 */
package io.cairn.deploy.ansible;
