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
# MariaDB (Debian's mariadb-server, 10.11 on bookworm) on 127.0.0.1:3306: database iggy, users iggy@'%' and
# iggy@localhost with password iggy and all privileges on iggy.*; root connects through the unix socket
# (`mariadb` as root). mariadbd is started directly (no systemd, no mysqld_safe): its stderr is the log.
set -euo pipefail
SVC_NAME=mariadb SVC_HOST=127.0.0.1 SVC_PORT=3306
SVC_PACKAGES=(mariadb-server)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

root_ping() { mariadb-admin --connect-timeout=2 ping; }
probe() { mariadb --connect-timeout=2 -h "$SVC_HOST" -P "$SVC_PORT" --protocol=tcp -uiggy -piggy iggy -NBe 'SELECT 1' | grep -qx 1; }

svc_install
changed=0
svc_write_file /etc/mysql/mariadb.conf.d/99-iggy-ci.cnf <<CONF && changed=1
# written by camel-iggy .ci/services/mariadb.sh
[mysqld]
bind-address = $SVC_HOST
port = $SVC_PORT
skip-name-resolve
max_connections = 200
innodb_flush_log_at_trx_commit = 2
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
CONF
if [[ ! -d /var/lib/mysql/mysql ]]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >>"$SVC_LOG" 2>&1
fi
install -d -o mysql -g mysql -m 0755 /run/mysqld
svc_restart_if_changed $changed
svc_ensure_started root_ping root /usr/sbin/mariadbd --user=mysql
svc_wait "mariadb-admin ping" root_ping

mariadb -NB >>"$SVC_LOG" 2>&1 <<'SQL'
CREATE DATABASE IF NOT EXISTS iggy;
CREATE USER IF NOT EXISTS 'iggy'@'%' IDENTIFIED BY 'iggy';
CREATE USER IF NOT EXISTS 'iggy'@'localhost' IDENTIFIED BY 'iggy';
ALTER USER 'iggy'@'%' IDENTIFIED BY 'iggy';
ALTER USER 'iggy'@'localhost' IDENTIFIED BY 'iggy';
GRANT ALL PRIVILEGES ON iggy.* TO 'iggy'@'%';
GRANT ALL PRIVILEGES ON iggy.* TO 'iggy'@'localhost';
FLUSH PRIVILEGES;
SQL
svc_wait "password login of iggy over TCP" probe
svc_ready "MariaDB $(mariadb -NBe 'SELECT VERSION()')"
