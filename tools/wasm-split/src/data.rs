//! Splitting the data with the code: the constants that only the rest's
//! functions read (their strings, tables and error messages) move into the
//! rest module, which writes them into the shared memory as it is
//! instantiated, before any of its functions can run. A first visit then
//! downloads only the data its first screen can reach.
//!
//! A module says where its data lies but not which bytes make up one
//! constant. wasm-ld's link map does (`--Map`, which build.rs asks for): an
//! input chunk a constant, with its address and size (`read_map`). A chunk
//! stays in the main module when the main module can reach it:
//! - a function that stays names an address in it, just past its end, or up
//!   to `SLACK` bytes before it (an `i32.const`, either half of an
//!   `i64.const`, a load's or a store's offset, a global's value): the
//!   compiler stores two words at once, and folds offsets into addresses
//!   (`&table[i - 1]` is the address of `table` less 4, plus `4 * i`), and a
//!   loop may run back from the end;
//! - or a chunk it reaches holds such an address, in any aligned word (a
//!   pointer to a string, a trait object's table).
//!
//! A chunk moves when the rest's functions reach it the same way and the
//! main module does not; a chunk that nothing is seen to reach stays. So a
//! mistake can only keep too much in the main module, unless an address is
//! made in a way no constant shows, far from where it points. Words are
//! read as the memory holds them when the module starts, zeros included
//! where no segment writes (wasm-opt trims them off segments' ends).

use std::collections::BTreeSet;
use std::ops::Range;

use wasm_encoder as enc;
use wasmparser as wp;

use crate::parsed::Parsed;

/// How far before a chunk an address may be and still name it. In Tandem's
/// build on 2026-12-04, of the 2,525 addresses its functions name in the
/// data, 2,107 were a chunk's start and 416 inside one; one was just past
/// a chunk's end and one a byte before a chunk.
const SLACK: u32 = 16;

/// Chunks that one function alone reads, by the name of their symbol: only
/// an address in them or just past them names them, not one near them. The
/// English of the screens after the first (`LATER_ENGLISH`, which build.rs
/// writes and `later_english` in src/assessment/language/mod.rs reads) is
/// stored after the first screen's small strings, any of which would
/// otherwise keep its 17 KB in the main module.
const READ_BY_ONE: [&str; 1] = ["LATER_ENGLISH"];

/// What moves: the address ranges the rest writes, each with its bytes.
pub struct DataPlan {
    /// The main module's active segments, less the moved bytes.
    pub main: Vec<(u32, Vec<u8>)>,
    /// The rest's active segments: the moved bytes.
    pub rest: Vec<(u32, Vec<u8>)>,
}

impl DataPlan {
    /// How many bytes of data moved.
    pub fn moved_bytes(&self) -> usize {
        self.rest.iter().map(|(_, bytes)| bytes.len()).sum()
    }
}

/// A chunk of data: its addresses, and whether `READ_BY_ONE` names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    pub range: Range<u32>,
    pub read_by_one: bool,
}

/// The data chunks of a wasm-ld link map (`--Map`): each input chunk of its
/// `DATA` section but the zero-filled ones (`.bss`), in address order.
pub fn read_map(text: &str) -> Result<Vec<Chunk>, String> {
    let mut in_data = false;
    let mut chunks = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 4 {
            continue;
        }
        // A section of the module: no address, its offset, size and name.
        if fields[0] == "-" {
            in_data = fields[3] == "DATA";
            continue;
        }
        // An input chunk names its file and section: `file:(section)`.
        let Some(open) = line.rfind(":(") else {
            continue;
        };
        if !in_data {
            continue;
        }
        let section = line[open + 2..].trim_end().trim_end_matches(')');
        if section.starts_with(".bss") || section.starts_with(".tbss") {
            continue;
        }
        let hex = |field: &str| {
            u32::from_str_radix(field, 16).map_err(|_| {
                format!(
                    "line {} of the link map: {field:?} is not an address",
                    number + 1
                )
            })
        };
        let (start, size) = (hex(fields[0])?, hex(fields[2])?);
        let end = start.checked_add(size).ok_or_else(|| {
            format!(
                "line {} of the link map: the chunk ends past 4 GiB",
                number + 1
            )
        })?;
        chunks.push(Chunk {
            range: start..end,
            read_by_one: READ_BY_ONE.iter().any(|name| section.contains(name)),
        });
    }
    chunks.sort_by_key(|chunk| chunk.range.start);
    if chunks
        .windows(2)
        .any(|pair| pair[0].range.end > pair[1].range.start)
    {
        return Err("the link map's data chunks overlap".to_string());
    }
    if chunks.is_empty() {
        return Err(
            "the link map has no data chunks: is it wasm-ld's --Map of this build?".to_string(),
        );
    }
    if chunks.iter().filter(|chunk| chunk.read_by_one).count() != READ_BY_ONE.len() {
        return Err(format!(
            "the link map does not have each of {READ_BY_ONE:?} once"
        ));
    }
    Ok(chunks)
}

/// The module's memory as its active segments write it.
struct Image {
    /// Each segment's address and bytes, in address order.
    segments: Vec<(u32, Vec<u8>)>,
}

impl Image {
    /// The little-endian word at `address`. Memory no segment writes reads
    /// as zero, as it does when the module starts: wasm-opt trims the zeros
    /// off a segment's end, so a pointer's last byte (an address's top
    /// byte, always 0 below 16 MiB) is often cut off, and a segment may
    /// start inside a word.
    fn word(&self, address: u32) -> u32 {
        let mut word = [0; 4];
        for (offset, byte) in (0..).zip(&mut word) {
            *byte = address.checked_add(offset).map_or(0, |at| self.byte(at));
        }
        u32::from_le_bytes(word)
    }

    /// The first address at which a segment writes a byte other than zero
    /// outside every one of `chunks` (in address order), if any: data the
    /// map does not know of, so a map of another link.
    fn outside(&self, chunks: &[Chunk]) -> Option<u32> {
        self.segments.iter().find_map(|(at, bytes)| {
            (*at..).zip(bytes).find_map(|(address, byte)| {
                let after = chunks.partition_point(|chunk| chunk.range.start <= address);
                let inside = after > 0 && chunks[after - 1].range.contains(&address);
                (*byte != 0 && !inside).then_some(address)
            })
        })
    }

    /// The byte at `address`, zero where no segment writes it.
    fn byte(&self, address: u32) -> u8 {
        let Some(index) = self
            .segments
            .partition_point(|(at, _)| *at <= address)
            .checked_sub(1)
        else {
            return 0;
        };
        let (at, bytes) = &self.segments[index];
        bytes.get((address - at) as usize).copied().unwrap_or(0)
    }

    /// The parts of `range` that segments write, with their bytes.
    fn written(&self, range: &Range<u32>) -> Vec<(u32, Vec<u8>)> {
        let mut parts = Vec::new();
        for (at, bytes) in &self.segments {
            let end = at + bytes.len() as u32;
            let (from, to) = (range.start.max(*at), range.end.min(end));
            if from < to {
                parts.push((
                    from,
                    bytes[(from - at) as usize..(to - at) as usize].to_vec(),
                ));
            }
        }
        parts
    }
}

/// Which chunks an address names: the one it is in or just past the end
/// of, and those that start at most `SLACK` bytes after it but are not
/// `read_by_one`.
fn named_by(chunks: &[Chunk], address: u32) -> impl Iterator<Item = usize> + '_ {
    let first = chunks.partition_point(|chunk| chunk.range.end < address);
    let last = chunks.partition_point(|chunk| chunk.range.start <= address.saturating_add(SLACK));
    (first..last.max(first)).filter(move |&index| {
        let chunk = &chunks[index];
        !chunk.read_by_one || chunk.range.start <= address
    })
}

/// The chunks that `roots` reach, directly or through the words of the
/// chunks they reach.
fn reach(chunks: &[Chunk], image: &Image, roots: &[u32]) -> Vec<bool> {
    let mut reached = vec![false; chunks.len()];
    let mut work = Vec::new();
    let mark = |address: u32, reached: &mut Vec<bool>, work: &mut Vec<usize>| {
        for index in named_by(chunks, address) {
            if !reached[index] {
                reached[index] = true;
                work.push(index);
            }
        }
    };
    for &root in roots {
        mark(root, &mut reached, &mut work);
    }
    while let Some(index) = work.pop() {
        let chunk = &chunks[index].range;
        let mut address = chunk.start.next_multiple_of(4);
        while address.saturating_add(4) <= chunk.end {
            mark(image.word(address), &mut reached, &mut work);
            address += 4;
        }
    }
    reached
}

/// The offset of an operator that reads or writes memory.
fn memory_offset(op: &wp::Operator<'_>) -> Result<Option<u64>, String> {
    use wp::Operator as O;
    Ok(match op {
        O::I32Load { memarg }
        | O::I64Load { memarg }
        | O::F32Load { memarg }
        | O::F64Load { memarg }
        | O::I32Load8S { memarg }
        | O::I32Load8U { memarg }
        | O::I32Load16S { memarg }
        | O::I32Load16U { memarg }
        | O::I64Load8S { memarg }
        | O::I64Load8U { memarg }
        | O::I64Load16S { memarg }
        | O::I64Load16U { memarg }
        | O::I64Load32S { memarg }
        | O::I64Load32U { memarg }
        | O::I32Store { memarg }
        | O::I64Store { memarg }
        | O::F32Store { memarg }
        | O::F64Store { memarg }
        | O::I32Store8 { memarg }
        | O::I32Store16 { memarg }
        | O::I64Store8 { memarg }
        | O::I64Store16 { memarg }
        | O::I64Store32 { memarg } => Some(memarg.offset),
        O::MemoryCopy { .. }
        | O::MemoryFill { .. }
        | O::MemorySize { .. }
        | O::MemoryGrow { .. } => None,
        // Any other operator with a memory argument (vector or atomic
        // loads) is one this list does not know: refuse rather than miss
        // the address it names.
        other if format!("{other:?}").contains("memarg") => {
            return Err(format!(
                "the data split does not know the operator {other:?}"
            ))
        }
        _ => None,
    })
}

impl Parsed<'_> {
    /// The active segments of memory 0, in address order; none passive.
    fn image(&self) -> Result<Image, String> {
        let Some(range) = &self.data_section else {
            return Ok(Image {
                segments: Vec::new(),
            });
        };
        let reader = wp::DataSectionReader::new(wp::BinaryReader::new(
            &self.bytes[range.clone()],
            range.start,
        ))
        .map_err(|e| e.to_string())?;
        let mut segments = Vec::new();
        for data in reader {
            let data = data.map_err(|e| e.to_string())?;
            let wp::DataKind::Active {
                memory_index: 0,
                offset_expr,
            } = data.kind
            else {
                return Err("a passive data segment, or one of another memory".to_string());
            };
            let Ok(wp::Operator::I32Const { value }) = offset_expr.get_operators_reader().read()
            else {
                return Err("a data segment whose address is not a constant".to_string());
            };
            segments.push((value as u32, data.data.to_vec()));
        }
        segments.sort_by_key(|(at, _)| *at);
        Ok(Image { segments })
    }

    /// Every address the functions `locals` name: their constants and the
    /// offsets of their loads and stores.
    fn addresses_in(&self, locals: impl Iterator<Item = u32>) -> Result<Vec<u32>, String> {
        let mut addresses = BTreeSet::new();
        for local in locals {
            let mut reader = self.bodies[local as usize]
                .get_operators_reader()
                .map_err(|e| e.to_string())?;
            while !reader.eof() {
                let op = reader.read().map_err(|e| e.to_string())?;
                if let wp::Operator::I32Const { value } = op {
                    addresses.insert(value as u32);
                } else if let wp::Operator::I64Const { value } = op {
                    // Two words stored as one: a string's address and its
                    // length, written into the place of a `&str`.
                    addresses.insert(value as u32);
                    addresses.insert((value >> 32) as u32);
                } else if let Some(offset) = memory_offset(&op)? {
                    addresses.insert(u32::try_from(offset).unwrap_or(u32::MAX));
                }
            }
        }
        Ok(addresses.into_iter().collect())
    }

    /// The globals' values: the stack's top and any address kept in one.
    fn global_addresses(&self) -> Vec<u32> {
        self.globals
            .iter()
            .filter_map(
                |global| match global.init_expr.get_operators_reader().read() {
                    Ok(wp::Operator::I32Const { value }) => Some(value as u32),
                    _ => None,
                },
            )
            .collect()
    }

    /// Which of the data chunks `chunks` move to the rest, when the
    /// functions `kept` stay and `moved` move.
    pub fn plan_data(
        &self,
        chunks: &[Chunk],
        kept: &[u32],
        moved: &[u32],
    ) -> Result<DataPlan, String> {
        let image = self.image()?;
        if let Some(at) = image.outside(chunks) {
            return Err(format!(
                "the link map does not describe this module: it writes data at {at:#x}, \
                 in no chunk of the map; build again, so that the map and the module come \
                 from one link"
            ));
        }
        let mut main_roots = self.addresses_in(kept.iter().copied())?;
        main_roots.extend(self.global_addresses());
        let in_main = reach(chunks, &image, &main_roots);
        let in_rest = reach(chunks, &image, &self.addresses_in(moved.iter().copied())?);
        // The moved chunks, joined where only padding lies between them.
        let moves: Vec<bool> = (0..chunks.len())
            .map(|i| in_rest[i] && !in_main[i])
            .collect();
        let mut ranges: Vec<Range<u32>> = Vec::new();
        for (index, chunk) in chunks.iter().enumerate().filter(|(i, _)| moves[*i]) {
            match ranges.last_mut() {
                Some(last) if index > 0 && moves[index - 1] => last.end = chunk.range.end,
                _ => ranges.push(chunk.range.clone()),
            }
        }
        let rest: Vec<(u32, Vec<u8>)> = ranges
            .iter()
            .flat_map(|range| image.written(range))
            .collect();
        let mut main = Vec::new();
        for (at, bytes) in &image.segments {
            let end = at + bytes.len() as u32;
            let mut from = *at;
            for range in ranges.iter().filter(|r| r.start < end && r.end > *at) {
                if range.start > from {
                    main.push((
                        from,
                        bytes[(from - at) as usize..(range.start - at) as usize].to_vec(),
                    ));
                }
                from = from.max(range.end);
            }
            if from < end {
                main.push((from, bytes[(from - at) as usize..].to_vec()));
            }
        }
        Ok(DataPlan { main, rest })
    }
}

/// A data section of active segments of memory 0.
pub fn data_section(segments: &[(u32, Vec<u8>)]) -> enc::DataSection {
    let mut section = enc::DataSection::new();
    for (at, bytes) in segments {
        section.active(
            0,
            &enc::ConstExpr::i32_const(*at as i32),
            bytes.iter().copied(),
        );
    }
    section
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "    Addr      Off     Size Out     In      Symbol
       -     42ad1   11b49e CODE
       -     42ad3       10         app.o:(main)
       -   15df6f      140 DATA
  100000   15df70       90 .rodata
  100000   15df7a       10         app.o:(.rodata..Lanon.1)
  100000   15df7a       10                 .Lanon.1
  100010   15df8a       40         <internal>:(.rodata)
  100050   15df8a       40         app.o:(.rodata._ZN3app13LATER_ENGLISH)
  100090   15df70       20 .data
  100090   15df8a       20         app.o:(.data.x)
  1000b0   15df70       20 .bss
  1000b0   15df8a       20         app.o:(.bss.y)
       -   15dfaf      100 CUSTOM(.debug_info)
";

    /// Chunks at `ranges`, the one at `read_by_one` read by one function.
    fn chunks(ranges: &[Range<u32>], read_by_one: usize) -> Vec<Chunk> {
        ranges
            .iter()
            .enumerate()
            .map(|(index, range)| Chunk {
                range: range.clone(),
                read_by_one: index == read_by_one,
            })
            .collect()
    }

    #[test]
    fn a_map_gives_each_data_chunk_but_the_zeroed_ones() {
        let chunks = read_map(MAP).unwrap();
        assert_eq!(
            chunks.iter().map(|c| c.range.clone()).collect::<Vec<_>>(),
            [
                0x100000..0x100010,
                0x100010..0x100050,
                0x100050..0x100090,
                0x100090..0x1000b0
            ]
        );
        assert_eq!(chunks.iter().filter(|c| c.read_by_one).count(), 1);
        assert!(read_map("    Addr      Off     Size Out     In      Symbol\n").is_err());
    }

    #[test]
    fn an_address_names_the_chunks_near_it() {
        let chunks = chunks(&[0..8, 8..200, 300..400, 1000..1004], 3);
        let named = |address| named_by(&chunks, address).collect::<Vec<_>>();
        assert_eq!(named(0), [0, 1]);
        assert_eq!(named(100), [1]);
        // Just past the end of the first and at the start of the second.
        assert_eq!(named(8), [0, 1]);
        // 4 before the chunk at 300, as a folded `&table[i - 1]` would be.
        assert_eq!(named(296), [2]);
        assert_eq!(named(300), [2]);
        assert_eq!(named(700), [0usize; 0]);
        // Near a chunk read by one function alone is not in it.
        assert_eq!(named(990), [0usize; 0]);
        assert_eq!(named(1000), [3]);
        assert_eq!(named(1004), [3]);
        assert_eq!(named(2000), [0usize; 0]);
    }

    #[test]
    fn a_chunk_reached_through_a_pointer_is_reached() {
        // Chunk 0 holds a pointer to chunk 2; chunk 1 is named by nothing.
        let mut first = vec![0u8; 8];
        first[4..8].copy_from_slice(&500u32.to_le_bytes());
        let image = Image {
            segments: vec![(0, first), (200, vec![1; 8]), (500, vec![2; 8])],
        };
        let chunks = chunks(&[0..8, 200..208, 500..508], 9);
        assert_eq!(reach(&chunks, &image, &[0]), [true, false, true]);
        assert_eq!(reach(&chunks, &image, &[]), [false, false, false]);
    }

    #[test]
    fn a_pointer_whose_zero_bytes_no_segment_writes_still_reaches() {
        // wasm-opt trims a segment's trailing zeros: the pointer to 0x3000
        // at 4 is written as its three low bytes only.
        let trimmed = Image {
            segments: vec![
                (0, vec![0; 4]),
                (4, vec![0x00, 0x30, 0x00]),
                (0x3000, vec![7; 8]),
            ],
        };
        let chunks = chunks(&[0..8, 0x3000..0x3008], 9);
        assert_eq!(trimmed.word(4), 0x3000);
        assert_eq!(reach(&chunks, &trimmed, &[0]), [true, true]);
        // A segment that starts inside a word: its first bytes are zero.
        let inside = Image {
            segments: vec![
                (0, vec![0; 2]),
                (6, vec![0x30, 0, 0]),
                (0x30_0000, vec![7; 8]),
            ],
        };
        assert_eq!(inside.word(4), 0x30_0000);
        let chunks = self::chunks(&[0..9, 0x30_0000..0x30_0008], 9);
        assert_eq!(reach(&chunks, &inside, &[0]), [true, true]);
        // Past the end of memory reads as zero, never wraps.
        assert_eq!(inside.word(u32::MAX - 1), 0);
    }

    #[test]
    fn data_the_map_does_not_know_of_is_found() {
        let image = Image {
            segments: vec![(0, vec![1, 0, 0, 0]), (8, vec![0, 0, 5])],
        };
        assert_eq!(image.outside(&chunks(&[0..4, 8..12], 9)), None);
        // Zeros outside a chunk are padding; a written byte is not.
        assert_eq!(image.outside(&chunks(&[0..4, 8..10], 9)), Some(10));
        assert_eq!(image.outside(&chunks(&[8..12, 100..104], 9)), Some(0));
    }
}
