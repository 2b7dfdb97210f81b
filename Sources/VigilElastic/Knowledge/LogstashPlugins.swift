/// What Vigil knows about Logstash plugins: the names of the plugins that exist (bundled with
/// Logstash 8 or commonly installed) and, for the common ones, every option they accept.
///
/// A plugin without an option list is known by name only: its options are not checked.
public enum LogstashPlugins {
    /// Options every input accepts.
    public static let commonInput: Set<String> = ["add_field", "codec", "enable_metric", "id", "tags", "type"]
    /// Options every filter accepts.
    public static let commonFilter: Set<String> = ["add_field", "add_tag", "enable_metric", "id", "periodic_flush", "remove_field", "remove_tag"]
    /// Options every output accepts.
    public static let commonOutput: Set<String> = ["codec", "enable_metric", "id"]
    /// Options every codec accepts.
    public static let commonCodec: Set<String> = ["id", "enable_metric"]

    static let sslServer: Set<String> = [
        "ssl", "ssl_enabled", "ssl_certificate", "ssl_certificate_authorities", "ssl_cipher_suites", "ssl_client_authentication",
        "ssl_handshake_timeout", "ssl_key", "ssl_key_passphrase", "ssl_supported_protocols", "ssl_verify_mode",
        "ssl_keystore_path", "ssl_keystore_password", "ssl_keystore_type", "ssl_truststore_path", "ssl_truststore_password",
    ]

    /// Options of the modelled inputs (beyond `commonInput`).
    public static let inputs: [String: Set<String>] = [
        "beats": sslServer.union([
            "add_hostname", "cipher_suites", "client_inactivity_timeout", "ecs_compatibility", "enrich", "event_loop_threads",
            "executor_threads", "host", "include_codec_tag", "port", "ssl_peer_metadata", "tls_max_version", "tls_min_version",
        ]),
        "stdin": [],
        "generator": ["count", "lines", "message", "ecs_compatibility", "threads"],
        "file": [
            "check_archive_validity", "close_older", "delimiter", "discover_interval", "ecs_compatibility", "exclude",
            "exit_after_read", "file_chunk_count", "file_chunk_size", "file_completed_action", "file_completed_log_path",
            "file_sort_by", "file_sort_direction", "ignore_older", "max_open_files", "mode", "path", "sincedb_clean_after",
            "sincedb_path", "sincedb_write_interval", "start_position", "stat_interval",
        ],
        "tcp": sslServer.union(["dns_reverse_lookup_enabled", "ecs_compatibility", "host", "mode", "port", "proxy_protocol",
                                "ssl_extra_chain_certs", "ssl_verify", "ssl_cert", "tcp_keep_alive"]),
        "udp": ["buffer_size", "ecs_compatibility", "host", "port", "queue_size", "receive_buffer_bytes", "source_ip_fieldname", "workers"],
        "http": sslServer.union(["additional_codecs", "ecs_compatibility", "host", "max_content_length", "max_pending_requests",
                                 "password", "port", "remote_host_target_field", "request_headers_target_field", "response_code",
                                 "response_headers", "threads", "user"]),
        "syslog": ["ecs_compatibility", "facility_labels", "grok_pattern", "host", "locale", "port", "proxy_protocol",
                   "service_type", "severity_labels", "syslog_field", "timezone", "use_labels"],
        "kafka": [
            "auto_commit_interval_ms", "auto_create_topics", "auto_offset_reset", "bootstrap_servers", "check_crcs",
            "client_dns_lookup", "client_id", "client_rack", "connections_max_idle_ms", "consumer_threads",
            "decorate_events", "enable_auto_commit", "exclude_internal_topics", "fetch_max_bytes", "fetch_max_wait_ms",
            "fetch_min_bytes", "group_id", "group_instance_id", "heartbeat_interval_ms", "isolation_level",
            "jaas_path", "kerberos_config", "key_deserializer_class", "max_partition_fetch_bytes", "max_poll_interval_ms",
            "max_poll_records", "metadata_max_age_ms", "partition_assignment_strategy", "poll_timeout_ms",
            "receive_buffer_bytes", "reconnect_backoff_ms", "request_timeout_ms", "retry_backoff_ms", "sasl_client_callback_handler_class",
            "sasl_jaas_config", "sasl_kerberos_service_name", "sasl_mechanism", "schema_registry_key", "schema_registry_proxy",
            "schema_registry_secret", "schema_registry_url", "schema_registry_validation", "security_protocol",
            "send_buffer_bytes", "session_timeout_ms", "ssl_endpoint_identification_algorithm", "ssl_key_password",
            "ssl_keystore_location", "ssl_keystore_password", "ssl_keystore_type", "ssl_truststore_location",
            "ssl_truststore_password", "ssl_truststore_type", "topics", "topics_pattern", "value_deserializer_class",
        ],
        "pipeline": ["address"],
        "heartbeat": ["count", "ecs_compatibility", "interval", "message", "sequence"],
    ]

    /// Options of the modelled filters (beyond `commonFilter`).
    public static let filters: [String: Set<String>] = [
        "grok": ["break_on_match", "ecs_compatibility", "keep_empty_captures", "match", "named_captures_only", "overwrite",
                 "pattern_definitions", "patterns_dir", "patterns_files_glob", "tag_on_failure", "tag_on_timeout", "target",
                 "timeout_millis", "timeout_scope"],
        "date": ["locale", "match", "precision", "tag_on_failure", "target", "timezone"],
        "json": ["ecs_compatibility", "skip_on_invalid_json", "source", "tag_on_failure", "target"],
        "mutate": ["capitalize", "coerce", "convert", "copy", "gsub", "join", "lowercase", "merge", "rename", "replace",
                   "split", "strip", "tag_on_failure", "update", "uppercase"],
        "kv": ["allow_duplicate_values", "allow_empty_values", "default_keys", "ecs_compatibility", "exclude_keys",
               "field_split", "field_split_pattern", "include_brackets", "include_keys", "prefix", "recursive",
               "remove_char_key", "remove_char_value", "source", "tag_on_failure", "tag_on_timeout", "target",
               "timeout_millis", "transform_key", "transform_value", "trim_key", "trim_value", "value_split",
               "value_split_pattern", "whitespace"],
        "dissect": ["convert_datatype", "mapping", "tag_on_failure"],
        "drop": ["percentage"],
        "geoip": ["cache_size", "database", "default_database_type", "ecs_compatibility", "fields", "source", "tag_on_failure", "target"],
        "useragent": ["ecs_compatibility", "lru_cache_size", "prefix", "regexes", "source", "target"],
        "split": ["field", "target", "terminator"],
        "clone": ["clones", "ecs_compatibility"],
        "fingerprint": ["base64encode", "concatenate_all_fields", "concatenate_sources", "ecs_compatibility", "key", "method", "source", "target"],
        "csv": ["autodetect_column_names", "autogenerate_column_names", "columns", "convert", "ecs_compatibility",
                "quote_char", "separator", "skip_empty_columns", "skip_empty_rows", "skip_header", "source", "target"],
        "prune": ["blacklist_names", "blacklist_values", "interpolate", "whitelist_names", "whitelist_values"],
        "truncate": ["fields", "length_bytes"],
        "urldecode": ["all_fields", "charset", "field", "tag_on_failure"],
        "uuid": ["overwrite", "target"],
        "de_dot": ["fields", "nested", "separator"],
    ]

    /// Options of the modelled outputs (beyond `commonOutput`).
    public static let outputs: [String: Set<String>] = [
        "elasticsearch": [
            "action", "api_key", "bulk_path", "ca_trusted_fingerprint", "cacert", "cloud_auth", "cloud_id", "compression_level",
            "custom_headers", "data_stream", "data_stream_auto_routing", "data_stream_dataset", "data_stream_namespace",
            "data_stream_sync_fields", "data_stream_type", "dlq_custom_codes", "dlq_on_failed_indexname_interpolation",
            "doc_as_upsert", "document_id", "document_type", "ecs_compatibility", "failure_type_logging_whitelist",
            "healthcheck_path", "hosts", "http_compression", "ilm_enabled", "ilm_pattern", "ilm_policy", "ilm_rollover_alias",
            "index", "join_field", "keystore", "keystore_password", "manage_template", "parameters", "parent", "password",
            "path", "pipeline", "pool_max", "pool_max_per_route", "proxy", "resurrect_delay", "retry_initial_interval",
            "retry_max_interval", "retry_on_conflict", "routing", "script", "script_lang", "script_type", "script_var_name",
            "scripted_upsert", "silence_errors_in_log", "sniffing", "sniffing_delay", "sniffing_path", "ssl",
            "ssl_certificate", "ssl_certificate_authorities", "ssl_certificate_verification", "ssl_cipher_suites",
            "ssl_enabled", "ssl_key", "ssl_keystore_password", "ssl_keystore_path", "ssl_keystore_type",
            "ssl_supported_protocols", "ssl_truststore_password", "ssl_truststore_path", "ssl_truststore_type",
            "ssl_verification_mode", "template", "template_api", "template_name", "template_overwrite", "timeout",
            "truststore", "truststore_password", "upsert", "user", "validate_after_inactivity", "version", "version_type",
        ],
        "stdout": [],
        "file": ["create_if_deleted", "dir_mode", "file_mode", "filename_failure", "flush_interval", "gzip", "path", "stale_cleanup_interval", "write_behavior"],
        "null": [],
        "pipeline": ["send_to", "ensure_delivery"],
        "tcp": ["host", "mode", "port", "reconnect_interval", "ssl_cert", "ssl_certificate", "ssl_certificate_authorities",
                "ssl_cipher_suites", "ssl_client_authentication", "ssl_enable", "ssl_enabled", "ssl_key", "ssl_key_passphrase",
                "ssl_supported_protocols", "ssl_verification_mode", "ssl_verify"],
        "udp": ["host", "port", "retry_backoff_ms", "retry_count"],
        "http": ["automatic_retries", "cacert", "client_cert", "client_key", "connect_timeout", "content_type", "cookies",
                 "follow_redirects", "format", "headers", "http_compression", "http_method", "ignorable_codes", "keepalive",
                 "keystore", "keystore_password", "keystore_type", "mapping", "message", "password", "pool_max",
                 "pool_max_per_route", "proxy", "request_timeout", "retry_failed", "retry_non_idempotent", "retryable_codes",
                 "socket_timeout", "ssl_certificate", "ssl_certificate_authorities", "ssl_cipher_suites", "ssl_enabled",
                 "ssl_key", "ssl_keystore_password", "ssl_keystore_path", "ssl_keystore_type", "ssl_supported_protocols",
                 "ssl_truststore_password", "ssl_truststore_path", "ssl_truststore_type", "ssl_verification_mode",
                 "truststore", "truststore_password", "truststore_type", "url", "user", "validate_after_inactivity"],
    ]

    /// Plugins known by name only (options unchecked).
    static let otherInputs: Set<String> = [
        "azure_event_hubs", "cloudwatch", "couchdb_changes", "dead_letter_queue", "elastic_agent", "elastic_serverless_forwarder",
        "elasticsearch", "exec", "gelf", "graphite", "http_poller", "imap", "jdbc", "jms", "lumberjack", "rabbitmq", "redis",
        "s3", "snmp", "snmptrap", "sqlite", "sqs", "twitter", "unix", "websocket", "wmi", "xmpp", "google_pubsub",
        "azureblob", "relp", "github", "journald", "salesforce", "meetup", "puppet_facter", "varnishlog", "pipe", "stomp",
    ]
    static let otherFilters: Set<String> = [
        "aggregate", "alter", "bytes", "cidr", "cipher", "elasticsearch", "environment", "extractnumbers", "geoip",
        "http", "jdbc_static", "jdbc_streaming", "json_encode", "memcached", "metricize", "metrics", "ruby", "sleep",
        "syslog_pri", "threats_classifier", "throttle", "tld", "translate", "xml", "age", "dns", "elapsed",
        "elastic_integration", "emoji", "i18n", "math", "range", "zeromq", "multiline", "anonymize", "checksum",
        "collate", "oui", "punct", "yaml",
    ]
    static let otherOutputs: Set<String> = [
        "boundary", "circonus", "cloudwatch", "csv", "datadog", "datadog_metrics", "dynatrace", "elastic_app_search",
        "elastic_workplace_search", "email", "exec", "ganglia", "gelf", "google_bigquery", "google_cloud_storage",
        "google_pubsub", "graphite", "graphtastic", "influxdb", "irc", "juggernaut", "kafka", "librato", "loggly",
        "lumberjack", "metriccatcher", "mongodb", "nagios", "nagios_nsca", "opentsdb", "pagerduty", "pipe", "rabbitmq",
        "redis", "redmine", "riak", "riemann", "s3", "sink", "sns", "solr_http", "sqs", "statsd", "stomp", "syslog",
        "timber", "webhdfs", "websocket", "xmpp", "zabbix", "opensearch", "amazon_es", "loki", "sentry", "slack",
    ]
    static let codecs: Set<String> = [
        "avro", "cef", "cloudfront", "cloudtrail", "collectd", "dots", "edn", "edn_lines", "es_bulk", "fluent", "graphite",
        "gzip_lines", "java_line", "java_plain", "jdots", "json", "json_lines", "line", "msgpack", "multiline", "netflow",
        "nmap", "plain", "protobuf", "rubydebug", "java_json", "java_json_lines",
    ]

    /// Every plugin name known for a section.
    public static func known(in kind: PipelineSection.Kind) -> Set<String> {
        switch kind {
        case .input: return Set(inputs.keys).union(otherInputs)
        case .filter: return Set(filters.keys).union(otherFilters)
        case .output: return Set(outputs.keys).union(otherOutputs)
        }
    }

    /// The full option set of a modelled plugin; nil when only its name is known.
    public static func options(of plugin: String, in kind: PipelineSection.Kind) -> Set<String>? {
        switch kind {
        case .input: return inputs[plugin].map { $0.union(commonInput) }
        case .filter: return filters[plugin].map { $0.union(commonFilter) }
        case .output: return outputs[plugin].map { $0.union(commonOutput) }
        }
    }

    /// Codec options, for the codecs Vigil models.
    public static let codecOptions: [String: Set<String>] = [
        "json": ["charset", "ecs_compatibility", "target"],
        "json_lines": ["charset", "delimiter", "decode_size_limit_bytes", "ecs_compatibility", "format", "target"],
        "plain": ["charset", "ecs_compatibility", "format"],
        "line": ["charset", "delimiter", "format"],
        "rubydebug": ["metadata"],
        "multiline": ["auto_flush_interval", "charset", "ecs_compatibility", "max_bytes", "max_lines", "multiline_tag",
                      "negate", "pattern", "pattern_definitions", "patterns_dir", "what"],
    ]
}
