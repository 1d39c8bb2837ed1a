package org.opensspr.server.siem;

/** How an audit event reads inside its syslog message: the operator picks what their SIEM parses best. */
public enum SiemFormat {
    /** ArcSight Common Event Format: {@code CEF:0|OpenSSPR|…}, parsed by most SIEMs out of the box. */
    CEF,
    /** One JSON object per event, for SIEMs that index JSON (Elastic, Splunk, Loki, …). */
    JSON
}
