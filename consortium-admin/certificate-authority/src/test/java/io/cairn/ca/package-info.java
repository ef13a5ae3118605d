/** Tests of the consortium CA: CSR policy, certificate profiles, CRLs, openssl interoperability, the API. */
package io.cairn.ca;
