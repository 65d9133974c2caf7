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
# ClickHouse (Debian's clickhouse-server, 18.16.1 on bookworm) with its HTTP interface on 127.0.0.1:8123 and
# native protocol on 127.0.0.1:9000; user default without password; database iggy created. Runs as user
# clickhouse with a standalone /etc/clickhouse-server/iggy-ci.xml (users from the package's users.xml, data under
# /var/lib/clickhouse); logs to the console, i.e. the log.
set -euo pipefail
SVC_NAME=clickhouse SVC_HOST=127.0.0.1 SVC_PORT=8123
SVC_PACKAGES=(clickhouse-server)
TCP_PORT=9000
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

url=http://$SVC_HOST:$SVC_PORT/
query() { curl -sf -m 10 "$url" --data-binary "$1"; }
select1() { [[ $(query 'SELECT 1' 2>/dev/null) == 1 ]]; }
has_db() { [[ $(query "SELECT count() FROM system.databases WHERE name = 'iggy'" 2>/dev/null) == 1 ]]; }

svc_install
changed=0
svc_write_file /etc/clickhouse-server/iggy-ci.xml <<CONF && changed=1
<?xml version="1.0"?>
<!-- written by camel-iggy .ci/services/clickhouse.sh: standalone server configuration -->
<yandex>
    <logger>
        <level>information</level>
        <console>1</console>
    </logger>
    <listen_host>$SVC_HOST</listen_host>
    <http_port>$SVC_PORT</http_port>
    <tcp_port>$TCP_PORT</tcp_port>
    <max_connections>1024</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <mark_cache_size>268435456</mark_cache_size>
    <path>/var/lib/clickhouse/</path>
    <tmp_path>/var/lib/clickhouse/tmp/</tmp_path>
    <user_files_path>/var/lib/clickhouse/user_files/</user_files_path>
    <format_schema_path>/var/lib/clickhouse/format_schemas/</format_schema_path>
    <users_config>/etc/clickhouse-server/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mlock_executable>false</mlock_executable>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
</yandex>
CONF
install -d -o clickhouse -g clickhouse -m 0750 /var/lib/clickhouse
svc_restart_if_changed $changed
svc_ensure_started select1 clickhouse /usr/sbin/clickhouse-server --config-file=/etc/clickhouse-server/iggy-ci.xml
svc_wait "SELECT 1 over HTTP" select1
has_db || query 'CREATE DATABASE IF NOT EXISTS iggy' >>"$SVC_LOG"
svc_wait "database iggy listed" has_db
svc_ready "ClickHouse $(query 'SELECT version()')"
