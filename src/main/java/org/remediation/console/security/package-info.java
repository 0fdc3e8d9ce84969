@NullMarked
package org.remediation.console.security;

import org.jspecify.annotations.NullMarked;
