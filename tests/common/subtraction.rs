//! What a curious reader can work out from shown sums by adding and
//! subtracting them: plain linear algebra on every participant, the
//! independent check of the disclosure rule (`assessment::disclosure`).

/// A prime larger than any minor of a 0/1 matrix of this size, so that
/// ranks modulo it are the ranks over the rationals.
const PRIME: u128 = (1 << 61) - 1;

fn power(mut base: u128, mut exponent: u128) -> u128 {
    let mut result = 1;
    base %= PRIME;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = result * base % PRIME;
        }
        base = base * base % PRIME;
        exponent >>= 1;
    }
    result
}

fn rank(mut rows: Vec<Vec<u128>>) -> usize {
    let columns = rows.first().map_or(0, Vec::len);
    let mut rank = 0;
    for column in 0..columns {
        let Some(pivot) = (rank..rows.len()).find(|&r| rows[r][column] != 0) else {
            continue;
        };
        rows.swap(rank, pivot);
        let inverse = power(rows[rank][column], PRIME - 2);
        for r in 0..rows.len() {
            if r != rank && rows[r][column] != 0 {
                let factor = rows[r][column] * inverse % PRIME;
                let pivot_row = rows[rank].clone();
                for (value, pivot) in rows[r].iter_mut().zip(pivot_row) {
                    let subtract = factor * pivot % PRIME;
                    *value = (*value + PRIME - subtract) % PRIME;
                }
            }
        }
        rank += 1;
    }
    rank
}

/// `numerator / denominator` as a number modulo the prime the ranks are
/// taken in, for sums whose participants count with a fraction.
pub fn fraction(numerator: u128, denominator: u128) -> u128 {
    numerator % PRIME * power(denominator, PRIME - 2) % PRIME
}

/// Whether some combination of `sums` (each a row of one value per
/// participant: 1 where the participant counts in that shown figure) is not
/// zero and depends on fewer than `threshold` participants: for some set of
/// fewer people, the sums lose rank when those people's columns are taken
/// away. Tries every such set, so keep rooms small.
pub fn solvable(sums: &[Vec<u128>], threshold: usize) -> bool {
    let people: Vec<usize> = (0..sums.first().map_or(0, Vec::len)).collect();
    solvable_by_person(sums, &people, threshold)
}

/// [`solvable`] where a participant may own several columns (one per answer,
/// say): `owners[c]` is the participant of column `c`, and taking a person
/// away takes all of their columns.
pub fn solvable_by_person(sums: &[Vec<u128>], owners: &[usize], threshold: usize) -> bool {
    if sums.is_empty() {
        return false;
    }
    let full = rank(sums.to_vec());
    let mut people = owners.to_vec();
    people.sort_unstable();
    people.dedup();
    let mut subset: Vec<usize> = Vec::new();
    search(sums, owners, &people, full, threshold, 0, &mut subset)
}

fn search(
    sums: &[Vec<u128>],
    owners: &[usize],
    people: &[usize],
    full: usize,
    limit: usize,
    from: usize,
    subset: &mut Vec<usize>,
) -> bool {
    if !subset.is_empty() {
        let without: Vec<Vec<u128>> = sums
            .iter()
            .map(|row| {
                row.iter()
                    .zip(owners)
                    .filter(|(_, owner)| !subset.contains(owner))
                    .map(|(&v, _)| v)
                    .collect()
            })
            .collect();
        if rank(without) < full {
            return true;
        }
    }
    if subset.len() + 1 >= limit {
        return false;
    }
    for (at, &next) in people.iter().enumerate().skip(from) {
        subset.push(next);
        let found = search(sums, owners, people, full, limit, at + 1, subset);
        subset.pop();
        if found {
            return true;
        }
    }
    false
}
