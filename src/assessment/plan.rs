//! Targets per dimension and the action plan drafted from the gaps.
