#!/usr/bin/env bash
# Installs the Debian packages calbridge's tests and demo use, when missing (needs root or sudo).
set -euo pipefail
need=()
command -v radicale >/dev/null 2>&1 || need+=(radicale)
command -v xandikos >/dev/null 2>&1 || need+=(xandikos)
command -v khal >/dev/null 2>&1 || need+=(khal)
/usr/bin/python3 -c 'import caldav' >/dev/null 2>&1 || need+=(python3-caldav)
/usr/bin/python3 -c 'import recurring_ical_events' >/dev/null 2>&1 || need+=(python3-recurring-ical-events)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need+=(python3-icalendar)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
