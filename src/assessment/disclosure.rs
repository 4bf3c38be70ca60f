//! Which group figures the team view may show, so that no combination of
//! them gives away the answers of fewer people than the anonymity threshold.
//!
//! # The rule
//!
//! Every figure the team view shows for one quantity (the scores on one
//! dimension, say) is a sum over a set of participants: the whole room's, a
//! role group's or a team-label group's. A mean is shown with its count, so
//! its sum follows. Anyone who sees several of these sums can add and
//! subtract them. The figures **expose** someone when some combination of
//! them, each sum taken any number of times, added or subtracted, is not
//! zero and depends on fewer than `threshold` participants. In a room of 5
//! HR, 3 L&D and 1 line manager, `9 × room − 5 × HR − 3 × L&D` is the line
//! manager's own score, so hiding the line manager's row alone protects
//! nothing. Rounding the means to a tenth does not protect either: it blurs
//! such a result by a few points at most, so the rule treats every shown
//! figure as exact.
//!
//! [`suppress`] first hides each group with fewer than `threshold`
//! participants in it ([`Figure::TooFew`]), then, while the figures left
//! still expose someone, hides one more group ([`Figure::Protecting`]): the
//! smallest that makes the figures safe on its own, else the smallest whose
//! figure takes part in the exposure. The room's own figure is never hidden
//! to protect another: with every group hidden, it is the one sum left, of
//! at least `threshold` people, which exposes nobody. It is hidden only when
//! fewer than `threshold` participants make it. All this is done threshold
//! by threshold from 1 up, keeping at each what the one before hid, so that
//! raising the threshold never shows a figure that a lower one hid:
//! otherwise a figure shown at 4 and another shown at 3 could be subtracted
//! from each other. The team view applies this to each dimension's scores
//! and to every other figure it breaks down by group.
//!
//! # How exposure is decided
//!
//! A participant is in one role group (five roles and "no role") and in at
//! most one team-label group, so the room is a grid of cells, role by label,
//! and every shown sum is a sum of whole rows (a role), whole columns (a
//! label) or all cells (the room). A combination of them takes the same
//! factor for everyone in a cell: `t + a(role) + b(label)`, where `t` is the
//! room's factor, `a` and `b` are the shown groups' factors and are zero for
//! hidden groups. Draw a graph with a node for each shown role, one node
//! for all hidden roles together, a node for each shown label and one for
//! all hidden labels and "no label" together, and an edge for each cell
//! that someone is in, weighted by how many. With `x(role node) = t + a`
//! and `x(label node) = −b` (so the hidden labels' node has `x = 0`, and
//! when the room's figure is hidden, the hidden roles' node has `x = 0` too:
//! the two hidden nodes are then one), a cell's factor is the difference of
//! its ends' values. A combination that is not zero and depends on few
//! people is a way of giving the nodes values in which the edges between
//! differently valued nodes weigh less than the threshold; with two values,
//! that is a cut of the graph. So the figures are safe exactly when every
//! cut of every connected part of the graph weighs at least the threshold
//! (or nothing, between parts), which [`exposed`] checks with Stoer and
//! Wagner's minimum cut. A role's or a label's own count is no answer, and
//! is always shown.

/// What happens to one figure of the team view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Shown.
    Shown,
    /// Hidden: fewer participants than the threshold make it.
    TooFew,
    /// Hidden although enough participants make it, so that the groups
    /// hidden as too few cannot be worked out from the figures beside them.
    Protecting,
    /// Nobody counts in it, so there is no figure to show or hide.
    Empty,
}

impl Figure {
    /// Whether the figure is shown.
    pub fn is_shown(self) -> bool {
        self == Figure::Shown
    }
}

/// Who makes one quantity's figures: how many participants count in it in
/// each cell of role group (row) by team label (column), plus a column for
/// participants without a label, which is no group of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cells {
    roles: usize,
    /// One column of `roles` counts per team label.
    labelled: Vec<Vec<usize>>,
    /// The counts of participants without a label, per role.
    unlabelled: Vec<usize>,
}

impl Cells {
    /// An empty grid of `roles` role groups and `labels` team labels; a
    /// participant added with a later label adds its column.
    pub fn new(roles: usize, labels: usize) -> Cells {
        Cells {
            roles,
            labelled: vec![vec![0; roles]; labels],
            unlabelled: vec![0; roles],
        }
    }

    /// Counts one participant of role group `role` with team label `label`
    /// (`None` for no label). A role out of range is ignored.
    pub fn add(&mut self, role: usize, label: Option<usize>) {
        if role >= self.roles {
            return;
        }
        match label {
            Some(label) => {
                self.with_labels(label + 1);
                self.labelled[label][role] += 1;
            }
            None => self.unlabelled[role] += 1,
        }
    }

    /// Makes sure there are at least `labels` label columns, so that every
    /// label of the room has a place, whether or not anybody in it counts.
    pub fn with_labels(&mut self, labels: usize) {
        if self.labelled.len() < labels {
            self.labelled.resize(labels, vec![0; self.roles]);
        }
    }

    /// The same grid with label column `l` moved to `order[l]`, where
    /// `order` is a permutation of the columns: labels are counted in the
    /// order they are first seen and shown in alphabetical order, and the
    /// rule must not depend on the order participants came in. A column
    /// that `order` does not place is dropped.
    pub fn relabelled(&self, order: &[usize]) -> Cells {
        let mut moved = Cells::new(self.roles, order.len());
        for (from, &to) in order.iter().enumerate() {
            if let (Some(column), Some(place)) =
                (self.labelled.get(from), moved.labelled.get_mut(to))
            {
                place.clone_from(column);
            }
        }
        moved.unlabelled.clone_from(&self.unlabelled);
        moved
    }

    /// How many label columns there are.
    pub fn labels(&self) -> usize {
        self.labelled.len()
    }

    /// Participants of role group `role` with label column `column`, where
    /// the column after the last label is "no label".
    fn count(&self, role: usize, column: usize) -> usize {
        self.labelled
            .get(column)
            .unwrap_or(&self.unlabelled)
            .get(role)
            .copied()
            .unwrap_or(0)
    }

    /// Participants of role group `role`.
    pub fn role_total(&self, role: usize) -> usize {
        (0..=self.labels()).map(|c| self.count(role, c)).sum()
    }

    /// Participants with team label `label`.
    pub fn label_total(&self, label: usize) -> usize {
        self.labelled
            .get(label)
            .map_or(0, |column| column.iter().sum())
    }

    /// Every participant counted.
    pub fn total(&self) -> usize {
        (0..self.roles).map(|r| self.role_total(r)).sum()
    }
}

/// The rule for a figure that is only ever shown for the whole room (a
/// statement's answers, a dimension's Don't know rate): nothing to subtract
/// it from, so it is shown when at least `threshold` participants make it.
pub fn room_only(participants: usize, threshold: usize) -> Figure {
    let mut cells = Cells::new(1, 0);
    for _ in 0..participants.min(threshold.max(1)) {
        cells.add(0, None);
    }
    suppress(&cells, threshold).room
}

/// What the team view does with each figure of one quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The whole room's figure.
    pub room: Figure,
    /// Each role group's, in the order of [`Cells`]' rows.
    pub roles: Vec<Figure>,
    /// Each team-label group's, in the order of [`Cells`]' columns.
    pub labels: Vec<Figure>,
}

impl Suppression {
    /// Whether any figure is hidden to protect another.
    pub fn protects(&self) -> bool {
        self.roles.contains(&Figure::Protecting) || self.labels.contains(&Figure::Protecting)
    }
}

/// Hides the groups with fewer than `threshold` participants, then as many
/// more as it takes for the rest to expose nobody (see the module's
/// documentation). A threshold of 0 is taken as 1, which hides nothing.
///
/// A higher threshold only ever hides more: the figures are worked out for
/// each threshold from 1 up to `threshold`, each step keeping everything the
/// one before it hid. So the views at two thresholds, put side by side (a
/// facilitator who tries 3, then 4), show no more than the lower one alone,
/// which is safe at the lower threshold.
pub fn suppress(cells: &Cells, threshold: usize) -> Suppression {
    let shown_unless_empty = |count: usize| {
        if count == 0 {
            Figure::Empty
        } else {
            Figure::Shown
        }
    };
    let mut suppression = Suppression {
        room: shown_unless_empty(cells.total()),
        roles: (0..cells.roles)
            .map(|r| shown_unless_empty(cells.role_total(r)))
            .collect(),
        labels: (0..cells.labels())
            .map(|l| shown_unless_empty(cells.label_total(l)))
            .collect(),
    };
    for step in 2..=threshold {
        hide_too_few(cells, &mut suppression, step);
        while let Some(exposure) = exposed(cells, &suppression, step) {
            let Some(next) = next_to_hide(cells, &suppression, step, &exposure) else {
                // Unreachable: with every group hidden, the room's figure
                // alone exposes nobody (see the module's documentation).
                break;
            };
            *next.figure(&mut suppression) = Figure::Protecting;
        }
    }
    suppression
}

/// Hides, as too few, each figure with fewer than `threshold` participants
/// (one hidden at a lower threshold to protect another is now too few
/// itself, which is the reason to give).
fn hide_too_few(cells: &Cells, suppression: &mut Suppression, threshold: usize) {
    let hide = |figure: &mut Figure, count: usize| {
        if matches!(figure, Figure::Shown | Figure::Protecting) && count < threshold {
            *figure = Figure::TooFew;
        }
    };
    hide(&mut suppression.room, cells.total());
    for (r, figure) in suppression.roles.iter_mut().enumerate() {
        hide(figure, cells.role_total(r));
    }
    for (l, figure) in suppression.labels.iter_mut().enumerate() {
        hide(figure, cells.label_total(l));
    }
}

/// A figure [`suppress`] may hide next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidate {
    Role(usize),
    Label(usize),
}

impl Candidate {
    fn figure(self, suppression: &mut Suppression) -> &mut Figure {
        match self {
            Candidate::Role(r) => &mut suppression.roles[r],
            Candidate::Label(l) => &mut suppression.labels[l],
        }
    }
}

/// The shown figure to hide next: the smallest group whose hiding alone
/// makes the figures safe; else the smallest group on a side of the
/// exposing cut that hiding would join to the other side; else the
/// smallest group.
fn next_to_hide(
    cells: &Cells,
    suppression: &Suppression,
    threshold: usize,
    exposure: &Exposure,
) -> Option<Candidate> {
    let mut groups: Vec<(usize, Candidate)> = Vec::new();
    for (r, figure) in suppression.roles.iter().enumerate() {
        if figure.is_shown() {
            groups.push((cells.role_total(r), Candidate::Role(r)));
        }
    }
    for (l, figure) in suppression.labels.iter().enumerate() {
        if figure.is_shown() {
            groups.push((cells.label_total(l), Candidate::Label(l)));
        }
    }
    // Stable: equal sizes keep roles before labels, each in order.
    super::sort_short_by(&mut groups, |a, b| a.0.cmp(&b.0));
    let safe_without = |candidate: Candidate| {
        let mut trial = suppression.clone();
        *candidate.figure(&mut trial) = Figure::Protecting;
        exposed(cells, &trial, threshold).is_none()
    };
    groups
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| safe_without(c))
        .or_else(|| {
            groups
                .iter()
                .map(|&(_, c)| c)
                .find(|&c| exposure.crossed_by(c))
        })
        .or_else(|| groups.first().map(|&(_, c)| c))
}

/// A way the shown figures expose someone: a cut of the graph described in
/// the module's documentation that weighs less than the threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exposure {
    /// How many participants the combination depends on.
    pub participants: usize,
    /// The nodes on one side of the cut.
    side: Vec<Node>,
    /// The nodes on the other side, in the same connected part.
    other: Vec<Node>,
}

impl Exposure {
    /// Whether hiding `candidate` joins nodes from both sides of the cut.
    fn crossed_by(&self, candidate: Candidate) -> bool {
        let (a, b) = match candidate {
            Candidate::Role(r) => (Node::Role(r), Node::HiddenRoles),
            Candidate::Label(l) => (Node::Label(l), Node::HiddenLabels),
        };
        let on = |side: &[Node], n: Node| side.contains(&n);
        (on(&self.side, a) && on(&self.other, b)) || (on(&self.side, b) && on(&self.other, a))
    }
}

/// A node of the graph: a shown group, or all hidden groups of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Role(usize),
    HiddenRoles,
    Label(usize),
    HiddenLabels,
}

/// Whether the figures that `suppression` shows expose fewer than
/// `threshold` participants, and how; `None` when they are safe.
pub fn exposed(cells: &Cells, suppression: &Suppression, threshold: usize) -> Option<Exposure> {
    let graph = Graph::of(cells, suppression);
    for part in graph.parts() {
        if part.len() < 2 {
            continue;
        }
        let (weight, side) = graph.minimum_cut(&part);
        if weight < threshold {
            return Some(Exposure {
                participants: weight,
                side: side.iter().map(|&n| graph.nodes[n]).collect(),
                other: part
                    .iter()
                    .filter(|n| !side.contains(n))
                    .map(|&n| graph.nodes[n])
                    .collect(),
            });
        }
    }
    None
}

/// The weighted graph of the module's documentation, as a matrix.
struct Graph {
    nodes: Vec<Node>,
    /// `weights[a * n + b]`: participants in cells between nodes a and b.
    weights: Vec<usize>,
}

impl Graph {
    fn of(cells: &Cells, suppression: &Suppression) -> Graph {
        let mut nodes = Vec::new();
        let role_node: Vec<Node> = (0..cells.roles)
            .map(|r| match suppression.roles.get(r) {
                Some(Figure::Shown) => Node::Role(r),
                _ => Node::HiddenRoles,
            })
            .collect();
        // The "no label" column is never a group of its own.
        let label_node: Vec<Node> = (0..=cells.labels())
            .map(|l| match suppression.labels.get(l) {
                Some(Figure::Shown) => Node::Label(l),
                _ => Node::HiddenLabels,
            })
            .collect();
        // Without the room's figure, both hidden nodes have the value 0:
        // they are one node.
        let merged = |node: Node| match node {
            Node::HiddenLabels if !suppression.room.is_shown() => Node::HiddenRoles,
            other => other,
        };
        let index = |node: Node, nodes: &mut Vec<Node>| {
            let node = merged(node);
            match nodes.iter().position(|&n| n == node) {
                Some(i) => i,
                None => {
                    nodes.push(node);
                    nodes.len() - 1
                }
            }
        };
        let mut edges = Vec::new();
        for (r, &row) in role_node.iter().enumerate() {
            for (l, &column) in label_node.iter().enumerate() {
                let count = cells.count(r, l);
                if count > 0 {
                    let a = index(row, &mut nodes);
                    let b = index(column, &mut nodes);
                    edges.push((a, b, count));
                }
            }
        }
        let n = nodes.len();
        let mut weights = vec![0; n * n];
        for (a, b, count) in edges {
            if a != b {
                weights[a * n + b] += count;
                weights[b * n + a] += count;
            }
        }
        Graph { nodes, weights }
    }

    fn weight(&self, a: usize, b: usize) -> usize {
        self.weights[a * self.nodes.len() + b]
    }

    /// The connected parts, each a list of node indices.
    fn parts(&self) -> Vec<Vec<usize>> {
        let n = self.nodes.len();
        let mut part = vec![usize::MAX; n];
        let mut parts = Vec::new();
        for start in 0..n {
            if part[start] != usize::MAX {
                continue;
            }
            let id = parts.len();
            let mut members = vec![start];
            part[start] = id;
            let mut next = 0;
            while next < members.len() {
                let a = members[next];
                next += 1;
                for (b, of_b) in part.iter_mut().enumerate() {
                    if *of_b == usize::MAX && self.weight(a, b) > 0 {
                        *of_b = id;
                        members.push(b);
                    }
                }
            }
            parts.push(members);
        }
        parts
    }

    /// Stoer and Wagner's minimum cut of the connected part `part` (at
    /// least two nodes): its weight and the nodes on one side.
    fn minimum_cut(&self, part: &[usize]) -> (usize, Vec<usize>) {
        let n = part.len();
        let mut w: Vec<Vec<usize>> = part
            .iter()
            .map(|&a| part.iter().map(|&b| self.weight(a, b)).collect())
            .collect();
        // Which original nodes each merged node stands for.
        let mut members: Vec<Vec<usize>> = part.iter().map(|&a| vec![a]).collect();
        let mut alive: Vec<usize> = (0..n).collect();
        let mut best = (usize::MAX, Vec::new());
        while alive.len() > 1 {
            let mut added = vec![false; n];
            let mut link = vec![0usize; n];
            let (mut previous, mut last) = (alive[0], alive[0]);
            for _ in 0..alive.len() {
                let next = alive
                    .iter()
                    .copied()
                    .filter(|&v| !added[v])
                    .max_by_key(|&v| link[v])
                    .unwrap_or(last);
                added[next] = true;
                previous = last;
                last = next;
                for &v in &alive {
                    if !added[v] {
                        link[v] += w[next][v];
                    }
                }
            }
            let cut_of_the_phase: usize = alive
                .iter()
                .filter(|&&v| v != last)
                .map(|&v| w[last][v])
                .sum();
            if cut_of_the_phase < best.0 {
                best = (cut_of_the_phase, members[last].clone());
            }
            // Merge the last node into the one before it.
            let moved = std::mem::take(&mut members[last]);
            members[previous].extend(moved);
            for &v in &alive {
                let joined = w[previous][v] + w[last][v];
                w[previous][v] = joined;
                w[v][previous] = joined;
            }
            w[previous][previous] = 0;
            alive.retain(|&v| v != last);
        }
        best
    }
}
