//! The workshop as this device keeps it, the way the root keeps the
//! questionnaire: read from storage once when the facilitator's screen opens,
//! saved after every change, and another tab's save of the same workshop
//! taken in rather than written over. [`SavedWorkshop`] owns the state
//! ([`use_saved_workshop`]) and hands the screen (`views::Workshop`) what to
//! show, with a callback per event.

use super::state::Saving;
use super::views::Workshop;
use super::workshop_state::{WorkshopAction, WorkshopState};
use crate::assessment::language::Key;
use crate::assessment::saved::WorkshopRecord;
use crate::assessment::untrusted::Why;
use crate::assessment::Bank;
use crate::storage::{self, SaveFailure};
use std::rc::Rc;
use yew::prelude::*;

/// The workshop's state: whatever workshop this browser had saved, or a new
/// one with `threshold`, none below `floor`. It is saved after every change,
/// but not what was just loaded (a second tab opened on the workshop must not
/// pass for the latest to save), and never over a saved workshop that could
/// not be read, until the facilitator starts a new one.
#[hook]
pub fn use_saved_workshop(
    bank: &Rc<Bank>,
    threshold: usize,
    floor: usize,
) -> UseReducerHandle<WorkshopState> {
    let state = {
        let bank = Rc::clone(bank);
        use_reducer(move || {
            let (record, saving) = Saving::on_opening(storage::load_workshop(&bank));
            WorkshopState::new(bank, record, threshold, floor, saving)
        })
    };
    {
        let dispatch = state.dispatcher();
        let bank = Rc::clone(&state.bank);
        let loaded = use_mut_ref(|| true);
        use_effect_with(
            (state.record(), state.saving.allows_writing()),
            move |(record, allowed)| {
                if std::mem::replace(&mut *loaded.borrow_mut(), false) || !*allowed {
                    return;
                }
                dispatch.dispatch(match storage::save_workshop(&bank, record) {
                    Ok(()) => WorkshopAction::Saved,
                    Err(SaveFailure::Conflict) => absorb_other_tab(&bank, record),
                    Err(SaveFailure::Refused(reason)) => WorkshopAction::SavingFailed(reason),
                });
            },
        );
    }
    state
}

/// After another tab or window saved this workshop meanwhile: takes in what
/// it gathered, keeps a copy of what it saved, and saves the two together,
/// so that neither tab's codes are lost.
fn absorb_other_tab(bank: &Bank, record: &WorkshopRecord) -> WorkshopAction {
    let mut joined = record.clone();
    let added = match storage::load_workshop(bank) {
        storage::Loaded::Found(other) => joined.workshop.absorb(&other.workshop),
        _ => 0,
    };
    let saved = storage::take_over(storage::Kind::Workshop, bank)
        .map_err(SaveFailure::Refused)
        .and_then(|()| storage::save_workshop(bank, &joined));
    match saved {
        Ok(()) => WorkshopAction::OtherTabAbsorbed {
            workshop: joined.workshop,
            added,
        },
        Err(SaveFailure::Conflict) => {
            WorkshopAction::SavingFailed(Why::new(Key::PROBLEM_STORAGE_BUSY))
        }
        Err(SaveFailure::Refused(reason)) => WorkshopAction::SavingFailed(reason),
    }
}

#[derive(Properties, PartialEq)]
pub struct SavedWorkshopProps {
    pub bank: Rc<Bank>,
    /// The anonymity threshold a new workshop starts with (a saved one keeps
    /// its own).
    pub threshold: usize,
    /// The smallest threshold the site lets the facilitator choose.
    pub floor: usize,
    /// The link participants open to take the assessment.
    pub join_link: AttrValue,
    /// Why that link cannot bring the configuration in use, if it cannot.
    #[prop_or_default]
    pub join_warning: Option<AttrValue>,
    /// A result code brought from a result link opened on this device; it
    /// is added as a pasted code would be, with the same report.
    #[prop_or_default]
    pub arriving: Option<AttrValue>,
    /// Called once the arriving code has been added.
    #[prop_or_default]
    pub on_arrived: Callback<()>,
}

/// The facilitator's workshop, kept on this device.
#[component]
pub fn SavedWorkshop(
    SavedWorkshopProps {
        bank,
        threshold,
        floor,
        join_link,
        join_warning,
        arriving,
        on_arrived,
    }: &SavedWorkshopProps,
) -> Html {
    let state = use_saved_workshop(bank, *threshold, *floor);
    {
        let dispatch = state.dispatcher();
        let on_arrived = on_arrived.clone();
        use_effect_with(arriving.clone(), move |arriving| {
            if let Some(code) = arriving {
                dispatch.dispatch(WorkshopAction::CodesPasted(code.to_string()));
                on_arrived.emit(());
            }
        });
    }
    let on: Callback<WorkshopAction> = state.dispatcher().into();
    html! {
        <Workshop
            state={Rc::new((*state).clone())}
            join_link={join_link.clone()}
            join_warning={join_warning.clone()}
            on_renamed={on.reform(WorkshopAction::Renamed)}
            on_codes_pasted={on.reform(WorkshopAction::CodesPasted)}
            on_code_scanned={on.reform(WorkshopAction::CodeScanned)}
            on_files_chosen={on.reform(WorkshopAction::FilesChosen)}
            on_participant_removed={on.reform(WorkshopAction::ParticipantRemoved)}
            on_unreadable_discarded={on.reform(|()| WorkshopAction::UnreadableDiscarded)}
            on_threshold_chosen={on.reform(WorkshopAction::ThresholdChosen)}
            on_plan_changed={on.reform(WorkshopAction::PlanChanged)}
            on_presenter_started={on.reform(|()| WorkshopAction::PresenterStarted)}
            on_presenter_moved={on.reform(WorkshopAction::PresenterMoved)}
            on_presenter_forward={on.reform(|()| WorkshopAction::PresenterForward)}
            on_revealed={on.reform(|()| WorkshopAction::Revealed)}
            on_presenter_ended={on.reform(|()| WorkshopAction::PresenterEnded)}
            on_cleared={on.reform(|()| WorkshopAction::Cleared)}
        />
    }
}
