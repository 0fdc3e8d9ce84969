/**
 * The Google Cloud adapter of the cloud port: Serverless VPC Access, Cloud SQL Admin, Cloud Run v2
 * and Compute load balancing on Google's official client libraries, with errors a person can act on
 * and a diagnostics service that reports per API what is reachable and which permissions are missing.
 * Active when {@code console.cloud.provider=gcp}.
 */
@NullMarked
package org.remediation.console.cloud.gcp;

import org.jspecify.annotations.NullMarked;
