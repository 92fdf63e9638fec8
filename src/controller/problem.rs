//! [`Problem`]: what the library stops at by itself.

/// Something the library refused or gave up on by itself, to protect the
/// user or to end a loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Kratos gave no answer in time; the request was aborted. What was
    /// typed is kept; the form can be sent again.
    TimedOut,
    /// The flow's form points to another site than Kratos's flow endpoint;
    /// nothing was sent.
    ForeignAction,
    /// Kratos (or the page) asked to open an address the URL policy does not
    /// follow; the page stays.
    UnsafeTarget,
    /// The flow was replaced or restarted too many times in a row; start over.
    TooManyHops,
}

impl Problem {
    /// An English description (for `on_error` and logs).
    pub fn describe(self) -> &'static str {
        match self {
            Self::TimedOut => "Kratos did not answer in time.",
            Self::ForeignAction => "This form points to another site than Kratos and was not sent.",
            Self::UnsafeTarget => "The page was asked to open an address it does not follow.",
            Self::TooManyHops => "The flow was replaced too many times in a row.",
        }
    }

    /// Whether the flow can go on after it (else only "start over" helps).
    pub fn is_recoverable(self) -> bool {
        matches!(self, Self::TimedOut | Self::ForeignAction)
    }
}
