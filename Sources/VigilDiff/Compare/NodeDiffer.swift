import VigilCore

/// Where the comparison is: the files each side's nodes come from (embedded files map positions
/// back into the outer file), the secrecy scope and the document's Kubernetes kind.
struct DiffContext {
    var oldFile: SourceFile
    var newFile: SourceFile
    var scope: SecretPolicy.Scope = .plain
    var documentKind: String?
    /// Mapping keys between the document root and the current node.
    var keyDepth = 0
}

/// Compares two node trees and collects `Change`s: mappings key by key (order ignored), lists
/// through `ListMatcher`, scalars as data, `expr` fields as PromQL, embedded documents
/// structurally and other multi-line text line by line. Every value it records has been
/// through `SecretPolicy`.
struct NodeDiffer {
    let options: DiffOptions
    private(set) var changes: [Change] = []

    init(options: DiffOptions) {
        self.options = options
    }

    // MARK: Entry

    mutating func diff(_ a: Node, _ b: Node, path: DiffPath, key: String?, context: DiffContext, depth: Int = 0) {
        if depth > options.maxDepth {
            if !Fingerprint.equal(a, b) { recordChanged(a, b, path: path, key: key, context: context, notes: ["nesting too deep to compare in detail"]) }
            return
        }
        switch (a.content, b.content) {
        case (.mapping(let x), .mapping(let y)):
            diffMappings(x, y, path: path, context: context, depth: depth)
        case (.sequence(let x), .sequence(let y)):
            diffSequences(x, y, path: path, key: key, context: context, depth: depth)
        case (.scalar, .scalar):
            diffScalars(a, b, path: path, key: key, context: context)
        default:
            recordChanged(a, b, path: path, key: key, context: context, notes: ["type changed: \(a.kindName) → \(b.kindName)"])
        }
    }

    // MARK: Mappings

    private mutating func diffMappings(_ x: Mapping, _ y: Mapping, path: DiffPath, context: DiffContext, depth: Int) {
        let credentialVariable = SecretPolicy.isCredentialVariable(x) || SecretPolicy.isCredentialVariable(y)
        let keysX = KeyIndex(x), keysY = KeyIndex(y)
        var seen = Set<String>()
        seen.reserveCapacity(x.count)
        for p in x.pairs {
            let k = keyText(p.key)
            guard seen.insert(k).inserted else { continue }
            let inner = innerContext(context, key: k, credentialVariable: credentialVariable)
            let step = path.appending(.key(k))
            let oldValue = keysX.value(k) ?? p.value
            if let newValue = keysY.value(k) {
                diff(oldValue, newValue, path: step, key: k, context: inner, depth: depth + 1)
            } else {
                recordRemoved(oldValue, path: step, key: k, context: inner)
            }
        }
        var seenNew = Set<String>()
        seenNew.reserveCapacity(y.count)
        for p in y.pairs {
            let k = keyText(p.key)
            guard seenNew.insert(k).inserted, keysX.value(k) == nil else { continue }
            let inner = innerContext(context, key: k, credentialVariable: credentialVariable)
            recordAdded(keysY.value(k) ?? p.value, path: path.appending(.key(k)), key: k, context: inner)
        }
    }

    private func keyText(_ key: Node) -> String {
        Self.keyText(key)
    }

    static func keyText(_ key: Node) -> String {
        if let t = key.scalarText { return t }
        return (try? JSONEmitter(pretty: false).emit(key)) ?? "?"
    }

    /// Finds a mapping's value by key text in constant time: scalar keys through the mapping's
    /// own index, complex keys (compared by their printed form) through a table built only
    /// when the mapping has any.
    private struct KeyIndex {
        let mapping: Mapping
        let complex: [String: Node]

        init(_ m: Mapping) {
            mapping = m
            var complex: [String: Node] = [:]
            for p in m.pairs where p.key.scalarText == nil {
                let k = NodeDiffer.keyText(p.key)
                if complex[k] == nil { complex[k] = p.value }
            }
            self.complex = complex
        }

        func value(_ k: String) -> Node? {
            if let v = mapping[k] { return v }
            return complex.isEmpty ? nil : complex[k]
        }
    }

    private func innerContext(_ context: DiffContext, key: String, credentialVariable: Bool) -> DiffContext {
        var inner = context
        inner.scope = SecretPolicy.scope(below: key, from: context.scope, documentKind: context.documentKind, depth: context.keyDepth)
        if credentialVariable && key == "value" { inner.scope = .secret }
        inner.keyDepth += 1
        return inner
    }

    // MARK: Lists

    private mutating func diffSequences(_ x: [Node], _ y: [Node], path: DiffPath, key: String?, context: DiffContext, depth: Int) {
        var x = x, y = y
        // Alertmanager matchers compare in canonical spelling: `team = db` is `team="db"`.
        if let key, ListIdentity.matcherListKeys.contains(key), let cx = Self.canonicalMatchers(x), let cy = Self.canonicalMatchers(y) {
            x = cx
            y = cy
        }
        let match = ListMatcher.match(old: x, new: y, key: key)
        for (k, pair) in match.pairs.enumerated() {
            let itemPath = path.appending(pair.step)
            if match.moved.contains(k) {
                changes.append(Change(kind: .moved, path: itemPath, oldIndex: pair.old, newIndex: pair.new,
                                      location: ChangeLocation.of(y[pair.new], in: context.newFile, side: .new)))
            }
            diff(x[pair.old], y[pair.new], path: itemPath, key: key, context: context, depth: depth + 1)
        }
        for added in match.added { recordAdded(y[added.index], path: path.appending(added.step), key: key, context: context) }
        for removed in match.removed { recordRemoved(x[removed.index], path: path.appending(removed.step), key: key, context: context) }
    }

    /// Matcher strings in canonical form (positions kept), or nil when an item is not a string.
    private static func canonicalMatchers(_ items: [Node]) -> [Node]? {
        var out: [Node] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard item.resolvedScalar == .string, let t = item.scalarText else { return nil }
            out.append(Node.string(ListIdentity.splitMatchers(t).joined(separator: ","), range: item.range))
        }
        return out
    }

    // MARK: Scalars

    private mutating func diffScalars(_ a: Node, _ b: Node, path: DiffPath, key: String?, context: DiffContext) {
        if NodeEquivalence.equal(a, b) { return }
        if SecretPolicy.isSecret(key: key, scope: context.scope) {
            changes.append(Change(kind: .changed, path: path, old: .string(SecretPolicy.placeholder), new: .string(SecretPolicy.placeholder),
                                  notes: [SecretPolicy.differsNote], isRedacted: true,
                                  location: ChangeLocation.of(b, in: context.newFile, side: .new)))
            return
        }
        let bothStrings = a.resolvedScalar == .string && b.resolvedScalar == .string
        guard bothStrings, let ta = a.scalarText, let tb = b.scalarText else {
            recordChanged(a, b, path: path, key: key, context: context, notes: a.kindName == b.kindName ? [] : ["type changed: \(a.kindName) → \(b.kindName)"])
            return
        }
        if key == "expr", options.normalisePromQL {
            let c = PromQLNormaliser.compare(ta, tb)
            if c.equal { return }
            changes.append(Change(kind: .changed, path: path, old: .string(c.old), new: .string(c.new),
                                  notes: c.canonical ? ["PromQL, printed in canonical form"] : [],
                                  location: ChangeLocation.of(b, in: context.newFile, side: .new)))
            return
        }
        if options.parseEmbedded, let kind = embeddedKind(key: key, ta, tb) {
            switch kind {
            case .text:
                diffText(a, b, ta, tb, path: path, context: context, notes: [])
            case .logstash:
                if diffPipelines(a, b, path: path, context: context) { return }
                diffText(a, b, ta, tb, path: path, context: context, notes: ["not a valid Logstash pipeline on both sides; compared line by line"])
            case .yaml, .json:
                if diffEmbedded(a, b, path: path, context: context) { return }
                diffText(a, b, ta, tb, path: path, context: context, notes: ["not a valid document on both sides; compared line by line"])
            }
            return
        }
        if ta.contains("\n") || tb.contains("\n") {
            diffText(a, b, ta, tb, path: path, context: context, notes: [])
            return
        }
        recordChanged(a, b, path: path, key: key, context: context, notes: [])
    }

    private func embeddedKind(key: String?, _ a: String, _ b: String) -> EmbeddedContent.Kind? {
        if let key, let kind = EmbeddedContent.kind(forKey: key, text: b) { return kind }
        if EmbeddedContent.looksLikeJSONDocument(a) && EmbeddedContent.looksLikeJSONDocument(b) { return .json }
        return nil
    }

    /// Parses both strings as YAML/JSON streams and compares them; false when either side does
    /// not parse (the caller falls back to lines).
    private mutating func diffEmbedded(_ a: Node, _ b: Node, path: DiffPath, context: DiffContext) -> Bool {
        let fa = SourceFile(embeddedIn: context.oldFile, scalar: a)
        let fb = SourceFile(embeddedIn: context.newFile, scalar: b)
        let la = YAMLLoader.load(fa)
        let lb = YAMLLoader.load(fb)
        guard !la.diagnostics.contains(where: { $0.severity == .error }), !lb.diagnostics.contains(where: { $0.severity == .error }),
              !la.documents.isEmpty, !lb.documents.isEmpty,
              la.documents.allSatisfy({ $0.root.scalar == nil }), lb.documents.allSatisfy({ $0.root.scalar == nil })
        else { return false }
        let single = la.documents.count == 1 && lb.documents.count == 1
        for i in 0..<max(la.documents.count, lb.documents.count) {
            let step = path.appending(.embedded(document: single ? nil : i))
            let oldRoot = i < la.documents.count ? la.documents[i].root : nil
            let newRoot = i < lb.documents.count ? lb.documents[i].root : nil
            var inner = DiffContext(oldFile: fa, newFile: fb)
            inner.documentKind = DocumentIdentity.kubernetes(of: newRoot ?? oldRoot ?? .null)?.kind
            switch (oldRoot, newRoot) {
            case (let o?, let n?): diff(o, n, path: step, key: nil, context: inner, depth: 0)
            case (let o?, nil): recordRemoved(o, path: step, key: nil, context: inner)
            case (nil, let n?): recordAdded(n, path: step, key: nil, context: inner)
            case (nil, nil): break
            }
        }
        return true
    }

    /// Parses both strings as Logstash pipelines and compares their trees; false when either
    /// side does not parse.
    private mutating func diffPipelines(_ a: Node, _ b: Node, path: DiffPath, context: DiffContext) -> Bool {
        let fa = SourceFile(embeddedIn: context.oldFile, scalar: a)
        let fb = SourceFile(embeddedIn: context.newFile, scalar: b)
        guard let pa = LogstashTree.parse(fa), let pb = LogstashTree.parse(fb) else { return false }
        diff(pa, pb, path: path.appending(.embedded(document: nil)), key: nil, context: DiffContext(oldFile: fa, newFile: fb), depth: 0)
        return true
    }

    private mutating func diffText(_ a: Node, _ b: Node, _ ta: String, _ tb: String, path: DiffPath, context: DiffContext, notes: [String]) {
        var edits = LineDiff.edits(old: ta, new: tb, maxEdits: options.maxLineEdits, context: options.contextLines)
        guard !edits.isEmpty else {
            // Only line endings or a final newline differ.
            recordChanged(a, b, path: path, key: nil, context: context, notes: ["only whitespace at line ends differs"])
            return
        }
        var redacted = false
        for i in edits.indices {
            let (line, masked) = SecretPolicy.redactLine(edits[i].text)
            if masked { edits[i].text = line; redacted = true }
        }
        var allNotes = notes
        if redacted { allNotes.append(SecretPolicy.redactedNote) }
        changes.append(Change(kind: .text, path: path, lines: edits, notes: allNotes, isRedacted: redacted,
                              location: ChangeLocation.of(b, in: context.newFile, side: .new)))
    }

    // MARK: Recording

    private func redacted(_ node: Node, key: String?, context: DiffContext) -> (Node, Bool) {
        SecretPolicy.redact(node, key: key, scope: context.scope, documentKind: context.documentKind, depth: context.keyDepth)
    }

    private mutating func recordChanged(_ a: Node, _ b: Node, path: DiffPath, key: String?, context: DiffContext, notes: [String]) {
        let (ra, ma) = redacted(a, key: key, context: context)
        let (rb, mb) = redacted(b, key: key, context: context)
        let masked = ma || mb
        changes.append(Change(kind: .changed, path: path, old: ra, new: rb, notes: notes + (masked ? [SecretPolicy.redactedNote] : []),
                              isRedacted: masked, location: ChangeLocation.of(b, in: context.newFile, side: .new)))
    }

    mutating func recordAdded(_ node: Node, path: DiffPath, key: String?, context: DiffContext) {
        let (r, masked) = redacted(node, key: key, context: context)
        changes.append(Change(kind: .added, path: path, new: r, notes: masked ? [SecretPolicy.redactedNote] : [], isRedacted: masked,
                              location: ChangeLocation.of(node, in: context.newFile, side: .new)))
    }

    mutating func recordRemoved(_ node: Node, path: DiffPath, key: String?, context: DiffContext) {
        let (r, masked) = redacted(node, key: key, context: context)
        changes.append(Change(kind: .removed, path: path, old: r, notes: masked ? [SecretPolicy.redactedNote] : [], isRedacted: masked,
                              location: ChangeLocation.of(node, in: context.oldFile, side: .old)))
    }
}
