// Package inge is the protocol that mockinge and certrunner share: the
// reconstructed InGe-Online-Kurstraeger contract (WSDL and XSD, embedded), the
// typed messages of its 17 procedures, the code lists, the catalogue of
// Meldungen and Fault codes, the schema checks, and the Client.
//
// BAMF hands the official interface documentation to registered providers only.
// Everything here is reconstructed from public sources; see the README.
//
// Go type names equal the XSD type names, and struct fields appear in schema
// order, so a test can compare the two mechanically.
package inge

// Namespace is the target namespace of the contract: the project's own, never a
// BAMF URL.
const Namespace = "urn:inge-harness:kurstraeger:1"

// ContractVersion is the version attribute of the XSD.
const ContractVersion = "1.1.0"
