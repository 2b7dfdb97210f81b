import VigilCore

/// One list of threshold steps of a panel (field defaults or an override), with positions.
struct ThresholdStepList {
    struct Step {
        /// The step's `value` (nil when missing or `null`).
        var value: Double?
        var isNull: Bool
        var written: String
        var range: SourceRange?
    }

    var steps: [Step]
    /// Where the list is: `fieldConfig.defaults` or an override.
    var place: String
    var file: SourceFile

    /// The step lists of a panel: the typed defaults and `thresholds` properties of overrides.
    static func lists(of p: Panel, file: SourceFile) -> [ThresholdStepList] {
        var out: [ThresholdStepList] = []
        if let steps = p.fieldConfig?.defaults?.thresholds?.steps {
            out.append(ThresholdStepList(steps: steps.map { s in
                let v = s.value
                return Step(value: v?.isNull == false ? v?.number : nil, isNull: v == nil || v?.isNull == true, written: v?.text ?? "null",
                            range: s.origin?.range(ofValue: "value") ?? s.origin?.range)
            }, place: "fieldConfig.defaults", file: steps.first?.origin?.file ?? file))
        }
        for o in p.fieldConfig?.overrides ?? [] {
            for prop in o.properties ?? [] where prop.id == "thresholds" {
                guard let items = prop.value?.node["steps"]?.sequence else { continue }
                out.append(ThresholdStepList(steps: items.map { n in
                    let v = n["value"]
                    let isNull = v == nil || v?.resolvedScalar == .null
                    return Step(value: isNull ? nil : v.flatMap { FlexScalar(node: $0).number }, isNull: isNull, written: v?.scalarText ?? "null",
                                range: v?.range ?? n.range)
                }, place: "an override", file: file))
            }
        }
        return out
    }
}
