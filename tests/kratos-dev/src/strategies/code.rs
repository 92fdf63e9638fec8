//! The code method: six-digit codes sent by "mail" (the development
//! mailbox) and checked once, for login, registration, recovery and
//! verification.

use crate::store::{FlowRecord, Mail, SentCode, Store};
use crate::time::{now, rfc3339};

/// Sends a 6-digit code by "mail" (kept in the development mailbox and printed).
pub fn send_code(store: &mut Store, to: &str, purpose: &str, link: Option<String>) -> SentCode {
    let code = format!("{:06}", rand::random::<u32>() % 1_000_000);
    let mut body = format!("Your {purpose} code is: {code}");
    if let Some(link) = link {
        body.push_str(&format!("\n\nOr open: {link}&code={code}"));
    }
    deliver(
        store,
        to,
        &format!("Your {purpose} code"),
        body,
        Some(code.clone()),
    );
    SentCode {
        code,
        address: to.to_owned(),
        expires_at: now() + store.config.lifespans.code,
        attempts: 0,
    }
}

/// Puts a mail in the development mailbox (and prints it).
pub fn deliver(store: &mut Store, to: &str, subject: &str, body: String, code: Option<String>) {
    if !store.config.quiet {
        println!(
            "📧 mail to {to}: {subject}\n   {}",
            body.replace('\n', "\n   ")
        );
    }
    store.mail.push(Mail {
        to: to.to_ascii_lowercase(),
        subject: subject.into(),
        body,
        code,
        sent_at: rfc3339(now()),
    });
}

/// Checks a submitted code against the one sent: `Ok` when it matches and is
/// still valid. Wrong attempts are counted.
pub fn code_matches(sent: &mut Option<SentCode>, submitted: &str) -> bool {
    let Some(code) = sent else {
        return false;
    };
    if code.expires_at < now() || code.attempts >= 5 {
        return false;
    }
    if code.code == submitted.trim() {
        *sent = None;
        true
    } else {
        code.attempts += 1;
        false
    }
}

/// Counts one code submitted to `flow`; `false` once Kratos's
/// `max_submissions` (5) is exceeded.
pub fn count_code_submission(flow: &mut FlowRecord) -> bool {
    flow.code_submissions += 1;
    flow.code_submissions <= 5
}
