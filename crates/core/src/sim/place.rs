//! Pieces in slots: a mark per slot holding a piece it accepts. Without
//! `reuse`, a piece placed in several slots counts in none of them.

use super::{SimScore, StepResult};
use crate::content::model::sim::Place;

/// Puts a piece into a slot (or clears it with `None`). Without `reuse`,
/// the piece leaves any other slot it was in.
pub fn put(place: &Place, slots: &mut Vec<Option<usize>>, slot: usize, piece: Option<usize>) {
    if slot >= place.slots.len() || piece.is_some_and(|p| p >= place.pieces.len()) {
        return;
    }
    slots.resize(place.slots.len(), None);
    if !place.reuse {
        if let Some(p) = piece {
            for s in slots.iter_mut() {
                if *s == Some(p) {
                    *s = None;
                }
            }
        }
    }
    if let Some(s) = slots.get_mut(slot) {
        *s = piece;
    }
}

pub fn score(place: &Place, placed: &[Option<usize>]) -> SimScore {
    let uses = |piece: usize| placed.iter().filter(|p| **p == Some(piece)).count();
    let mut wrong = Vec::new();
    let steps = place
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let piece = placed
                .get(i)
                .copied()
                .flatten()
                .and_then(|p| place.pieces.get(p).map(|piece| (p, piece)));
            let done = piece.is_some_and(|(p, piece)| {
                (place.reuse || uses(p) == 1) && slot.accepts.contains(&piece.id)
            });
            if let (Some((_, piece)), false) = (piece, done) {
                wrong.push(format!("{} → {}", slot.label, piece.label));
            }
            let text = match piece {
                Some((_, piece)) => format!("{}: {}", slot.label, piece.label),
                None => format!("{}: empty", slot.label),
            };
            StepResult {
                text,
                done,
                why: slot.why.clone(),
            }
        })
        .collect();
    SimScore {
        steps,
        penalties: Vec::new(),
        wrong,
    }
}
