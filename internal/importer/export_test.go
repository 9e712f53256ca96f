package importer

// ByClaimForTests exposes byClaim to the external test package.
var ByClaimForTests = byClaim
