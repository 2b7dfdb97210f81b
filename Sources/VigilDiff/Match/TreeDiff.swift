import VigilCore

/// Compares two trees of files: what `vigil diff DIR DIR`, `vigil diff FILE FILE` and the
/// environment mode (two in-memory renders) all come down to.
///
/// Pairing, in order:
/// 1. Kubernetes objects, across all files, by apiVersion/kind/namespace/name (the items of a
///    `kind: List` count as objects of their own, so a List pairs with a YAML stream); left-overs by
///    API group/kind/namespace/name (an API version bump is a change of `apiVersion`), then by
///    group/kind/name when that is unique on both sides (so `aurelis-staging` and
///    `aurelis-production` objects pair and show a `metadata.namespace` change). An object
///    that moved to another file with no other change is no difference.
/// 2. Other documents by relative path, then by position among the file's non-object documents.
/// 3. Files present on one side only pair with a file of identical content on the other side
///    (reported as a rename); the rest are added or removed.
/// 4. Logstash pipelines (`.conf`, `.pipeline`) are compared by their syntax tree
///    (`LogstashTree`); other files that are not YAML or JSON, and pipelines that do not
///    parse, are compared line by line.
public enum SemanticDiff {
    /// Compares two trees given as relative path → file.
    public static func diff(old: [String: SourceFile], new: [String: SourceFile], options: DiffOptions = DiffOptions()) -> DiffResult {
        var tree = TreeComparison(options: options)
        return tree.run(old: old, new: new)
    }

    /// Compares two files, whatever their names.
    public static func diff(oldFile: SourceFile, newFile: SourceFile, options: DiffOptions = DiffOptions()) -> DiffResult {
        var tree = TreeComparison(options: options)
        var result = tree.run(old: [newFile.path: oldFile], new: [newFile.path: newFile])
        for i in result.files.indices {
            if result.files[i].oldPath != nil { result.files[i].oldPath = oldFile.path }
        }
        return result
    }

    /// Compares two in-memory node trees (one document each side) and returns the changes.
    public static func diff(old: Node, new: Node, options: DiffOptions = DiffOptions()) -> [Change] {
        let file = SourceFile(path: "-", text: "")
        var differ = NodeDiffer(options: options)
        var context = DiffContext(oldFile: file, newFile: file)
        context.documentKind = DocumentIdentity.kubernetes(of: new)?.kind ?? DocumentIdentity.kubernetes(of: old)?.kind
        differ.diff(old, new, path: DiffPath(), key: nil, context: context)
        return differ.changes.filter { c in !options.ignore.contains { $0.matches(c.path) } }
    }
}

/// One loaded input file.
struct LoadedFile {
    struct Doc {
        let root: Node
        /// Position among the documents of the file (empty documents skipped).
        let index: Int
        let identity: DocumentIdentity?
    }

    let path: String
    let file: SourceFile
    var docs: [Doc] = []
    /// Compared as text rather than as YAML.
    var isText = false

    static let yamlExtensions = [".yaml", ".yml", ".json"]
    static let textExtensions = [".conf", ".txt", ".pipeline", ".properties", ".ini", ".toml", ".tmpl", ".sh", ".md"]

    static func load(path: String, file: SourceFile, diagnostics: inout [Diagnostic]) -> LoadedFile {
        var loaded = LoadedFile(path: path, file: file)
        let lower = path.lowercased()
        if textExtensions.contains(where: { lower.hasSuffix($0) }) {
            loaded.isText = true
            return loaded
        }
        let result = YAMLLoader.load(file)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            loaded.isText = true
            // A file that claims to be YAML and is not makes the comparison incomplete.
            if yamlExtensions.contains(where: { lower.hasSuffix($0) }) { diagnostics += errors }
            return loaded
        }
        var index = 0
        for doc in result.documents {
            if case .scalar = doc.root.content, doc.root.resolvedScalar == .null { continue }
            // A `kind: List` (the JSON rendering, `kubectl get -o yaml`) stands for its items.
            for root in DocumentIdentity.listItems(of: doc.root) ?? [doc.root] {
                loaded.docs.append(Doc(root: root, index: index, identity: DocumentIdentity.kubernetes(of: root)))
                index += 1
            }
        }
        // A single plain string is text (a file that happens to parse as one YAML scalar).
        if !yamlExtensions.contains(where: { lower.hasSuffix($0) }), loaded.docs.count == 1, loaded.docs[0].root.scalar != nil {
            loaded.isText = true
            loaded.docs = []
        }
        return loaded
    }
}

struct TreeComparison {
    let options: DiffOptions
    var diagnostics: [Diagnostic] = []

    init(options: DiffOptions) {
        self.options = options
    }

    /// A document found on a side: file and document number.
    struct Ref: Hashable {
        let file: Int
        let doc: Int
    }

    /// The results being collected per relative path.
    struct Pending {
        var documents: [(order: Int, diff: DocumentDiff)] = []
        var renamedFrom: String?
    }

    mutating func run(old: [String: SourceFile], new: [String: SourceFile]) -> DiffResult {
        let oldFiles = old.keys.sorted().map { LoadedFile.load(path: $0, file: old[$0] ?? SourceFile(path: $0, text: ""), diagnostics: &diagnostics) }
        let newFiles = new.keys.sorted().map { LoadedFile.load(path: $0, file: new[$0] ?? SourceFile(path: $0, text: ""), diagnostics: &diagnostics) }
        var pending: [String: Pending] = [:]

        // 1. Kubernetes objects across files.
        let objectPairs = matchObjects(oldFiles, newFiles)
        var pairedOld = Set<Ref>(), pairedNew = Set<Ref>()
        for (o, n) in objectPairs.pairs {
            pairedOld.insert(o)
            pairedNew.insert(n)
            let of = oldFiles[o.file], nf = newFiles[n.file]
            let od = of.docs[o.doc], nd = nf.docs[n.doc]
            let changes = compare(od.root, nd.root, oldFile: of.file, newFile: nf.file)
            guard !changes.isEmpty else { continue }
            let movedFrom = of.path == nf.path ? nil : of.path
            pending[nf.path, default: Pending()].documents.append((nd.index, DocumentDiff(identity: nd.identity ?? .document(index: nd.index), status: .modified, movedFrom: movedFrom, changes: changes)))
        }

        // 2. Other documents and text by path.
        let newByPath = Dictionary(newFiles.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let oldByPath = Dictionary(oldFiles.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var unpairedOld: [Int] = [], unpairedNew: [Int] = []
        for (i, of) in oldFiles.enumerated() {
            guard let j = newByPath[of.path] else { unpairedOld.append(i); continue }
            compareFile(of, newFiles[j], oldIndex: i, newIndex: j, pairedOld: pairedOld, pairedNew: pairedNew, into: &pending)
        }
        for (j, nf) in newFiles.enumerated() where oldByPath[nf.path] == nil { unpairedNew.append(j) }

        // 3. Renames: identical remaining content under another path.
        var renamedNew = Set<Int>(), renamedOld = Set<Int>()
        var byContent: [Int: [Int]] = [:]
        for j in unpairedNew {
            if let f = contentFingerprint(newFiles[j], side: pairedNew, fileIndex: j) { byContent[f, default: []].append(j) }
        }
        // Candidates taken by earlier renames are skipped once, so many files of identical
        // content stay linear.
        var taken: [Int: Int] = [:]
        for i in unpairedOld {
            guard let f = contentFingerprint(oldFiles[i], side: pairedOld, fileIndex: i), let candidates = byContent[f] else { continue }
            var start = taken[f] ?? 0
            while start < candidates.count, renamedNew.contains(candidates[start]) { start += 1 }
            taken[f] = start
            guard let j = candidates[start...].first(where: { !renamedNew.contains($0) && sameContent(oldFiles[i], newFiles[$0], pairedOld: pairedOld, pairedNew: pairedNew, oldIndex: i, newIndex: $0) }) else { continue }
            renamedNew.insert(j)
            renamedOld.insert(i)
            pending[newFiles[j].path, default: Pending()].renamedFrom = oldFiles[i].path
        }

        // Unmatched objects and documents of one-sided files.
        for (i, of) in oldFiles.enumerated() where !renamedOld.contains(i) {
            let unpaired = newByPath[of.path] == nil
            for d in of.docs where !pairedOld.contains(Ref(file: i, doc: d.index)) {
                guard d.identity != nil || unpaired else { continue }
                let change = removedDocument(d, file: of.file)
                pending[of.path, default: Pending()].documents.append((1_000_000 + d.index, DocumentDiff(identity: d.identity ?? .document(index: d.index), status: .removed, changes: [change])))
            }
            if of.isText && unpaired {
                pending[of.path, default: Pending()].documents.append((0, DocumentDiff(identity: .text, status: .removed, changes: [textChange(old: of.file, new: nil)])))
            }
        }
        for (j, nf) in newFiles.enumerated() where !renamedNew.contains(j) {
            let unpaired = oldByPath[nf.path] == nil
            for d in nf.docs where !pairedNew.contains(Ref(file: j, doc: d.index)) {
                guard d.identity != nil || unpaired else { continue }
                let change = addedDocument(d, file: nf.file)
                pending[nf.path, default: Pending()].documents.append((d.index, DocumentDiff(identity: d.identity ?? .document(index: d.index), status: .added, changes: [change])))
            }
            if nf.isText && unpaired {
                pending[nf.path, default: Pending()].documents.append((0, DocumentDiff(identity: .text, status: .added, changes: [textChange(old: nil, new: nf.file)])))
            }
        }

        // Ignore patterns, then the file list.
        var files: [FileDiff] = []
        for path in pending.keys.sorted() {
            guard let p = pending[path] else { continue }
            var docs: [DocumentDiff] = []
            for (_, d) in p.documents.sorted(by: { $0.order < $1.order }) {
                var d = d
                d.changes = d.changes.filter { c in !options.ignore.contains { $0.matches(c.path) } }
                if !d.changes.isEmpty { docs.append(d) }
            }
            let inOld = oldByPath[path] != nil, inNew = newByPath[path] != nil
            if let from = p.renamedFrom {
                files.append(FileDiff(oldPath: from, newPath: path, status: .renamed, documents: docs))
                continue
            }
            guard !docs.isEmpty else { continue }
            let status: FileDiff.Status = inOld && inNew ? .modified : (inNew ? .added : .removed)
            files.append(FileDiff(oldPath: inOld ? path : nil, newPath: inNew ? path : nil, status: status, documents: docs))
        }
        return DiffResult(files: files, diagnostics: diagnostics, oldLabel: options.oldLabel, newLabel: options.newLabel)
    }

    // MARK: Objects

    /// Pairs Kubernetes objects by full identity, then by API group, then ignoring the namespace.
    func matchObjects(_ oldFiles: [LoadedFile], _ newFiles: [LoadedFile]) -> (pairs: [(Ref, Ref)], Void) {
        struct Object {
            let ref: Ref
            let apiVersion: String, kind: String, namespace: String, name: String
        }
        func objects(_ files: [LoadedFile]) -> [Object] {
            var out: [Object] = []
            for (i, f) in files.enumerated() {
                for d in f.docs {
                    if case .kubernetes(let v, let k, let ns, let n)? = d.identity {
                        out.append(Object(ref: Ref(file: i, doc: d.index), apiVersion: v, kind: k, namespace: ns ?? "", name: n))
                    }
                }
            }
            return out
        }
        func group(_ apiVersion: String) -> String {
            guard let slash = apiVersion.lastIndex(of: "/") else { return "" }
            return String(apiVersion[..<slash])
        }
        let olds = objects(oldFiles), news = objects(newFiles)
        var usedOld = Array(repeating: false, count: olds.count)
        var usedNew = Array(repeating: false, count: news.count)
        var pairs: [(Ref, Ref)] = []
        let passes: [(Object) -> String] = [
            { "\($0.apiVersion)\u{0}\($0.kind)\u{0}\($0.namespace)\u{0}\($0.name)" },
            { "\(group($0.apiVersion))\u{0}\($0.kind)\u{0}\($0.namespace)\u{0}\($0.name)" },
            { "\(group($0.apiVersion))\u{0}\($0.kind)\u{0}\($0.name)" },
        ]
        for (pass, key) in passes.enumerated() {
            var index: [String: [Int]] = [:]
            for (i, o) in olds.enumerated() where !usedOld[i] { index[key(o), default: []].append(i) }
            var newCount: [String: Int] = [:]
            if pass > 0 { for (j, n) in news.enumerated() where !usedNew[j] { newCount[key(n), default: 0] += 1 } }
            var cursor: [String: Int] = [:]
            for (j, n) in news.enumerated() where !usedNew[j] {
                let k = key(n)
                guard let candidates = index[k] else { continue }
                // Fallback passes pair only what is unambiguous on both sides.
                if pass > 0 && (candidates.count != 1 || newCount[k] != 1) { continue }
                let c = cursor[k] ?? 0
                guard c < candidates.count else { continue }
                cursor[k] = c + 1
                let i = candidates[c]
                usedOld[i] = true
                usedNew[j] = true
                pairs.append((olds[i].ref, n.ref))
            }
        }
        return (pairs, ())
    }

    // MARK: Files and documents

    private mutating func compareFile(_ of: LoadedFile, _ nf: LoadedFile, oldIndex: Int, newIndex: Int, pairedOld: Set<Ref>, pairedNew: Set<Ref>, into pending: inout [String: Pending]) {
        if of.isText || nf.isText {
            if of.isText && nf.isText {
                if of.file.bytes != nf.file.bytes, LogstashTree.isPipelineName(of.path), LogstashTree.isPipelineName(nf.path),
                   let a = LogstashTree.parse(of.file), let b = LogstashTree.parse(nf.file) {
                    let changes = compare(a, b, oldFile: of.file, newFile: nf.file)
                    if !changes.isEmpty {
                        pending[nf.path, default: Pending()].documents.append((0, DocumentDiff(identity: .logstash, status: .modified, changes: changes)))
                    }
                    return
                }
                if of.file.bytes != nf.file.bytes {
                    let change = textChange(old: of.file, new: nf.file)
                    pending[nf.path, default: Pending()].documents.append((0, DocumentDiff(identity: .text, status: .modified, changes: [change])))
                }
                return
            }
            // One side text, the other YAML: the whole content differs in kind.
            let change = textChange(old: of.file, new: nf.file)
            pending[nf.path, default: Pending()].documents.append((0, DocumentDiff(identity: .text, status: .modified, changes: [change])))
            return
        }
        let olds = of.docs.filter { !pairedOld.contains(Ref(file: oldIndex, doc: $0.index)) && $0.identity == nil }
        let news = nf.docs.filter { !pairedNew.contains(Ref(file: newIndex, doc: $0.index)) && $0.identity == nil }
        for k in 0..<max(olds.count, news.count) {
            switch (k < olds.count ? olds[k] : nil, k < news.count ? news[k] : nil) {
            case (let o?, let n?):
                let changes = compare(o.root, n.root, oldFile: of.file, newFile: nf.file)
                if !changes.isEmpty {
                    pending[nf.path, default: Pending()].documents.append((n.index, DocumentDiff(identity: .document(index: n.index), status: .modified, changes: changes)))
                }
            case (let o?, nil):
                pending[nf.path, default: Pending()].documents.append((1_000_000 + o.index, DocumentDiff(identity: .document(index: o.index), status: .removed, changes: [removedDocument(o, file: of.file)])))
            case (nil, let n?):
                pending[nf.path, default: Pending()].documents.append((n.index, DocumentDiff(identity: .document(index: n.index), status: .added, changes: [addedDocument(n, file: nf.file)])))
            case (nil, nil):
                break
            }
        }
    }

    private func compare(_ a: Node, _ b: Node, oldFile: SourceFile, newFile: SourceFile) -> [Change] {
        // Most paired documents are equal as data: one walk without building paths says so.
        if Fingerprint.equal(a, b) { return [] }
        var differ = NodeDiffer(options: options)
        var context = DiffContext(oldFile: oldFile, newFile: newFile)
        context.documentKind = DocumentIdentity.kubernetes(of: b)?.kind ?? DocumentIdentity.kubernetes(of: a)?.kind
        differ.diff(a, b, path: DiffPath(), key: nil, context: context)
        return differ.changes
    }

    private func addedDocument(_ d: LoadedFile.Doc, file: SourceFile) -> Change {
        var differ = NodeDiffer(options: options)
        var context = DiffContext(oldFile: file, newFile: file)
        context.documentKind = d.identity?.kind
        differ.recordAdded(d.root, path: DiffPath(), key: nil, context: context)
        return differ.changes[0]
    }

    private func removedDocument(_ d: LoadedFile.Doc, file: SourceFile) -> Change {
        var differ = NodeDiffer(options: options)
        var context = DiffContext(oldFile: file, newFile: file)
        context.documentKind = d.identity?.kind
        differ.recordRemoved(d.root, path: DiffPath(), key: nil, context: context)
        return differ.changes[0]
    }

    /// A line comparison of two files (either may be absent: the whole text is added or removed).
    private func textChange(old: SourceFile?, new: SourceFile?) -> Change {
        let ta = old.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let tb = new.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        var edits = LineDiff.edits(old: ta, new: tb, maxEdits: options.maxLineEdits, context: options.contextLines)
        var redacted = false
        for i in edits.indices {
            let (line, masked) = SecretPolicy.redactLine(edits[i].text)
            if masked { edits[i].text = line; redacted = true }
        }
        let kind: Change.Kind = old == nil ? .added : (new == nil ? .removed : .text)
        var notes: [String] = redacted ? [SecretPolicy.redactedNote] : []
        if edits.isEmpty { notes.append("only line endings differ") }
        return Change(kind: kind, path: DiffPath(), lines: edits, notes: notes, isRedacted: redacted)
    }

    /// A hash of what an unpaired file holds apart from objects paired elsewhere; nil when empty.
    private func contentFingerprint(_ f: LoadedFile, side paired: Set<Ref>, fileIndex: Int) -> Int? {
        if f.isText {
            var h = Hasher()
            h.combine(f.file.bytes)
            return h.finalize()
        }
        let docs = f.docs.filter { !paired.contains(Ref(file: fileIndex, doc: $0.index)) }
        guard !docs.isEmpty else { return nil }
        var h = Hasher()
        for d in docs { h.combine(Fingerprint.of(d.root)) }
        return h.finalize()
    }

    private func sameContent(_ of: LoadedFile, _ nf: LoadedFile, pairedOld: Set<Ref>, pairedNew: Set<Ref>, oldIndex: Int, newIndex: Int) -> Bool {
        if of.isText || nf.isText { return of.isText && nf.isText && of.file.bytes == nf.file.bytes }
        let a = of.docs.filter { !pairedOld.contains(Ref(file: oldIndex, doc: $0.index)) }
        let b = nf.docs.filter { !pairedNew.contains(Ref(file: newIndex, doc: $0.index)) }
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !Fingerprint.equal(x.root, y.root) { return false }
        return true
    }
}
