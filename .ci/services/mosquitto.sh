#!/usr/bin/env bash
#
# Copyright The camel-iggy Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# Mosquitto MQTT broker (Debian's mosquitto, 2.0.x on bookworm) on 127.0.0.1:1883, anonymous clients allowed,
# no persistence. Mosquitto 2 listens only locally and refuses anonymous clients unless configured, so it runs
# with a standalone /etc/mosquitto/iggy-ci.conf (the package's mosquitto.conf is not used); it logs to stdout,
# i.e. the log. mosquitto-clients (mosquitto_pub, mosquitto_sub) comes along for the probe and for debugging.
set -euo pipefail
SVC_NAME=mosquitto SVC_HOST=127.0.0.1 SVC_PORT=1883
SVC_PACKAGES=(mosquitto mosquitto-clients)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

# An anonymous QoS 1 publish succeeds only when a broker accepts anonymous clients there.
probe() { timeout 5 mosquitto_pub -h "$SVC_HOST" -p "$SVC_PORT" -i iggy-ci-probe -t iggy-ci/probe -m ready -q 1; }

svc_install
changed=0
svc_write_file /etc/mosquitto/iggy-ci.conf <<CONF && changed=1
# written by camel-iggy .ci/services/mosquitto.sh: standalone, run as mosquitto -c /etc/mosquitto/iggy-ci.conf
per_listener_settings false
listener $SVC_PORT $SVC_HOST
allow_anonymous true
persistence false
log_dest stdout
log_type error
log_type warning
log_type notice
log_type information
log_timestamp_format %Y-%m-%dT%H:%M:%S
user mosquitto
CONF
svc_restart_if_changed $changed
svc_ensure_started probe root /usr/sbin/mosquitto -c /etc/mosquitto/iggy-ci.conf
svc_wait "an anonymous MQTT publish" probe
svc_ready "$(/usr/sbin/mosquitto -h 2>/dev/null | head -n 1 || true)"
