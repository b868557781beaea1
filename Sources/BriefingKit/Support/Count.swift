/// "1 article", "2 articles".
enum Count {
    static func phrase(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
