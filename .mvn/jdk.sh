# Sourced by ../mvnw before it starts Maven. The build needs a JDK 21 or newer (release 21, and
# the Vaadin and Spring Boot plugins run inside Maven's JVM), but a machine's default java may be
# older while a newer JDK sits in the usual folders. Use the newest JDK >= 21 found, or stop with one
# line saying what to install. (Regenerating the wrapper drops the line in mvnw that sources this.)
#
# MVNW_JDK_CANDIDATES: colon-separated JDK homes to consider instead of JAVA_HOME, java on PATH and
# the usual folders.

mvnw_jdk_major() { # JDK home -> major version, empty when it is not a JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  fi
  case "$v" in 1.*) v=1 ;; esac
  printf %s "${v%%.*}"
}

mvnw_path_jdk() { # the JDK home of the java on PATH, if any
  j=$(command -v java 2>/dev/null) || return 0
  j=$(readlink -f "$j" 2>/dev/null || printf %s "$j")
  printf %s "${j%/bin/java}"
}

mvnw_jdk_candidates() { # one JDK home per line
  if [ -n "${MVNW_JDK_CANDIDATES-}" ]; then
    printf '%s\n' "$MVNW_JDK_CANDIDATES" | tr ':' '\n'
    return 0
  fi
  printf '%s\n' "${JAVA_HOME-}" "$(mvnw_path_jdk)"
  [ ! -x /usr/libexec/java_home ] || /usr/libexec/java_home -v 21+ 2>/dev/null || :
  set +f
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
    "${HOME-}"/Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME-}"/.sdkman/candidates/java/* \
    "${HOME-}"/.jdks/* "${HOME-}"/.asdf/installs/java/*; do
    printf '%s\n' "$d"
  done
  set -f
}

mvnw_select_jdk() {
  current_major=$(mvnw_jdk_major "${JAVA_HOME:-$(mvnw_path_jdk)}")
  if [ -z "${MVNW_JDK_CANDIDATES-}" ] && [ "${current_major:-0}" -ge 21 ]; then
    return 0
  fi
  found=${current_major:+Java $current_major}
  best="" best_major=0
  candidates=$(mvnw_jdk_candidates)
  while IFS= read -r home; do
    [ -n "$home" ] || continue
    m=$(mvnw_jdk_major "$home")
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then
      best=$home best_major=$m
    fi
  done <<MVNW_CANDIDATES
$candidates
MVNW_CANDIDATES
  if [ -z "$best" ]; then
    printf '%s\n' "mvnw: this build needs a JDK 21 or newer and found ${found:-no JDK}; install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it." >&2
    exit 1
  fi
  if [ "$best" != "${JAVA_HOME-}" ]; then
    printf '%s\n' "mvnw: using JDK $best_major at $best (the default is ${found:-no JDK}; this build needs 21+)" >&2
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

mvnw_select_jdk
