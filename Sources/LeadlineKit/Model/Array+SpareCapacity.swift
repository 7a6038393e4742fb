extension Array {
    /// Gives back the capacity this array grew beyond its elements, when that is over an eighth
    /// of them, by copying them into an allocation of their size.
    ///
    /// An array that grows by appending doubles its allocation, so a list or an index built page
    /// by page ends up to twice its size. Once it is complete that is memory held for nothing:
    /// call this then, not while it is still growing.
    public mutating func releaseSpareCapacity() {
        guard capacity > count + count / 8 + 64 else { return }
        // `Array(self)` would share this buffer; copying from a pointer makes a new exact one.
        self = withUnsafeBufferPointer { Array($0) }
    }
}
