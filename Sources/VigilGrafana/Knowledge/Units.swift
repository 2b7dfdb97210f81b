/// Grafana's unit ids (the `valueFormats` categories of `@grafana/data`) and custom-unit syntax.
public enum GrafanaUnits {
    /// Every built-in unit id.
    public static let ids: Set<String> = [
        // Misc
        "none", "string", "short", "percent", "percentunit", "humidity", "dB", "hex0x", "hex", "sci", "locale", "pixel",
        // Acceleration, angle, area
        "accMS2", "accFS2", "accG", "degree", "radian", "grad", "arcmin", "arcsec", "areaM2", "areaF2", "areaMI2",
        // Boolean
        "bool", "bool_yes_no", "bool_on_off",
        // Computation
        "flops", "mflops", "gflops", "tflops", "pflops", "eflops", "zflops", "yflops",
        // Concentration
        "ppm", "conppb", "conngm3", "conngNm3", "conμgm3", "conμgNm3", "conmgm3", "conmgNm3", "congm3", "congNm3", "conmgdL", "conmmolL",
        // Currency
        "currencyUSD", "currencyGBP", "currencyEUR", "currencyJPY", "currencyRUB", "currencyUAH", "currencyBRL", "currencyDKK",
        "currencyISK", "currencyNOK", "currencySEK", "currencyCZK", "currencyCHF", "currencyPLN", "currencyBTC", "currencymBTC",
        "currencyμBTC", "currencyZAR", "currencyINR", "currencyKRW", "currencyIDR", "currencyPHP", "currencyVND", "currencyTRY",
        "currencyMYR", "currencyXPF", "currencyBGN", "currencyPYG", "currencyUYU", "currencyILS",
        // Data
        "bits", "bytes", "kbytes", "mbytes", "gbytes", "tbytes", "pbytes",
        "decbits", "decbytes", "deckbytes", "decmbytes", "decgbytes", "dectbytes", "decpbytes",
        // Data rate
        "pps", "bps", "Bps", "KBs", "Kbits", "MBs", "Mbits", "GBs", "Gbits", "TBs", "Tbits", "PBs", "Pbits",
        "binBps", "binbps", "KiBs", "Kibits", "MiBs", "Mibits", "GiBs", "Gibits", "TiBs", "Tibits", "PiBs", "Pibits",
        // Date & time
        "dateTimeAsIso", "dateTimeAsIsoNoDateIfToday", "dateTimeAsUS", "dateTimeAsUSNoDateIfToday", "dateTimeAsLocal",
        "dateTimeAsLocalNoDateIfToday", "dateTimeAsSystem", "dateTimeFromNow",
        // Energy
        "watt", "kwatt", "megwatt", "gwatt", "mwatt", "Wm2", "voltamp", "kvoltamp", "voltampreact", "kvoltampreact", "watth",
        "watthperkg", "kwatth", "kwattm", "mwatth", "amph", "kamph", "mamph", "joule", "ev", "amp", "kamp", "mamp", "volt", "kvolt",
        "mvolt", "dBm", "mohm", "ohm", "kohm", "Mohm", "farad", "µfarad", "nfarad", "pfarad", "ffarad", "henry", "mhenry", "µhenry", "lumens",
        // Flow, force, hash rate, mass, length, pressure
        "flowgpm", "flowcms", "flowcfs", "flowcfm", "litreh", "flowlpm", "flowmlpm", "lux",
        "forceNm", "forcekNm", "forceN", "forcekN",
        "Hs", "KHs", "MHs", "GHs", "THs", "PHs", "EHs",
        "massmg", "massg", "masslb", "masskg", "masst",
        "lengthmm", "lengthin", "lengthft", "lengthm", "lengthkm", "lengthmi",
        "pressurembar", "pressurebar", "pressurekbar", "pressurepa", "pressurehpa", "pressurekpa", "pressurehg", "pressurepsi",
        // Radiation, rotation, temperature
        "radbq", "radci", "radgy", "radrad", "radsv", "radmsv", "radusv", "radrem", "radexpckg", "radr", "radsvh", "radmsvh", "radusvh",
        "rotrpm", "rothz", "rotkhz", "rotmhz", "rotghz", "rotrads", "rotdegs",
        "celsius", "fahrenheit", "kelvin",
        // Time
        "hertz", "ns", "µs", "ms", "s", "m", "h", "d", "dtdurationms", "dtdurations", "dthms", "dtdhms", "timeticks", "clockms", "clocks",
        // Throughput
        "cps", "ops", "reqps", "rps", "wps", "iops", "eps", "mps", "cpm", "opm", "rpm", "wpm", "epm", "mpm",
        // Velocity, volume
        "velocityms", "velocitykmh", "velocitymph", "velocityknot",
        "mlitre", "litre", "m3", "Nm3", "dm3", "gallons",
    ]

    /// Prefixes of Grafana's custom units (`suffix:req`, `si:B`, `currency:€`, `time:HH:mm`…).
    public static let customPrefixes = ["suffix:", "prefix:", "si:", "count:", "currency:", "time:", "bool:", "locale:"]

    /// Whether `unit` is a built-in id or a well-formed custom unit.
    public static func isKnown(_ unit: String) -> Bool {
        if unit.isEmpty || ids.contains(unit) { return true }
        return customPrefixes.contains { unit.hasPrefix($0) && unit.count > $0.count }
    }
}

extension GrafanaUnits {
    /// Spellings people write for a unit, mapped to Grafana's id.
    static let aliases: [String: String] = [
        "seconds": "s", "second": "s", "sec": "s", "secs": "s", "milliseconds": "ms", "millisecond": "ms",
        "microseconds": "µs", "us": "µs", "nanoseconds": "ns", "minutes": "m", "min": "m", "hours": "h", "days": "d",
        "byte": "bytes", "B": "bytes", "kb": "kbytes", "KB": "kbytes", "KiB": "kbytes", "mb": "mbytes", "MB": "mbytes", "MiB": "mbytes",
        "megabytes": "mbytes", "gb": "gbytes", "GB": "gbytes", "GiB": "gbytes", "gigabytes": "gbytes", "kilobytes": "kbytes",
        "ratio": "percentunit", "%": "percent", "percentage": "percent", "req/s": "reqps", "ops/s": "ops",
        "bytes/s": "Bps", "B/s": "Bps", "bits/s": "bps", "count": "short", "number": "short",
    ]

    /// A known id close to an unknown one: an alias, or the id that differs only in case.
    public static func suggestion(for unit: String) -> String? {
        if let a = aliases[unit] { return a }
        let lower = unit.lowercased()
        return ids.sorted().first { $0.lowercased() == lower }
    }
}
