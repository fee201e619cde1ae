//! Referral at the right moment: right after a member redeems a reward, the receipt invites
//! them to bring a friend in large print and the counter says it is the moment to ask; the
//! referral funnel counts the friends brought within a week of their referrer's reward against
//! those brought at other times.

use crate::common::{DAY, T0, counter, run_json, store};
use regulars::store::{JUST_REDEEMED_SECONDS, NewCustomer, NewSale};

#[test]
fn the_receipt_after_a_reward_asks_for_a_friend_in_large_print() {
    use crate::serial::{PTY, start_sim, wait_for_pngs};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let _sim = start_sim(dir.path(), &link, "generic-80mm");
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\nprofile = \"generic-80mm\"\n",
            link.display()
        ),
    )
    .unwrap();
    let zoe = run_json(dir.path(), &["customer", "add", "--name", "Zoë Byrne"]);
    let (code, referral) = (
        zoe["code"].as_str().unwrap().to_string(),
        zoe["referral_code"].as_str().unwrap().to_string(),
    );
    let sale = |amount: &str| {
        run_json(
            dir.path(),
            &[
                "sale",
                "record",
                "--amount",
                amount,
                "--customer",
                &code,
                "--print",
            ],
        )
    };
    // Before any reward: the usual small line.
    sale("45.00");
    let printed = wait_for_pngs(&dir.path().join("printed"), 1);
    let before = std::fs::read(printed[0].with_extension("bin")).unwrap();
    let redeemed = run_json(
        dir.path(),
        &[
            "reward",
            "redeem",
            "--customer",
            &code,
            "--reward",
            "coffee",
        ],
    );
    assert_eq!(redeemed["reward_name"], "Free coffee", "{redeemed}");
    let shown = run_json(dir.path(), &["customer", "show", &code]);
    assert_eq!(shown["just_redeemed"], "Free coffee", "{shown}");
    sale("3.00");
    let printed = wait_for_pngs(&dir.path().join("printed"), 2);
    let after = std::fs::read(printed[1].with_extension("bin")).unwrap();
    let large_code = [&[0x1d, b'!', 0x11][..], referral.as_bytes()].concat();
    assert!(
        after
            .windows(large_code.len())
            .any(|w| w == large_code.as_slice()),
        "the code is printed double size: {}",
        String::from_utf8_lossy(&after)
    );
    assert!(
        !before
            .windows(large_code.len())
            .any(|w| w == large_code.as_slice()),
        "not before the reward"
    );
    // What the printer read: the invitation, wrapped to the paper, then the code.
    let text = std::fs::read_to_string(printed[1].with_extension("txt")).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Enjoy your Free coffee! Bring a friend: give them your code"),
        "{text}"
    );
    assert!(text.contains(&referral), "{text}");
    let earlier = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(
        earlier.contains("Bring a friend: give them your code"),
        "{earlier}"
    );
    assert!(!earlier.contains("Enjoy your"), "{earlier}");
}

#[test]
fn the_moment_passes_and_the_funnel_counts_friends_brought_right_after_a_reward() {
    let (_dir, mut s) = store();
    let mut rng = counter();
    let anna = s
        .enroll(
            &NewCustomer {
                name: "Anna Byrne".into(),
                phone: Some("0870000001".into()),
                ..NewCustomer::default()
            },
            T0 - 30 * DAY,
            &mut rng,
        )
        .unwrap();
    s.write(|tx| {
        tx.counter().record_sale(&NewSale {
            amount: 9_000,
            at: T0 - 20 * DAY,
            customer: Some(anna.code.clone()),
            receipt: None,
        })
    })
    .unwrap();
    s.write(|tx| tx.loyalty().redeem(&anna.code, "coffee", T0, None))
        .unwrap();
    let view = |s: &mut regulars::store::Store, at: i64| s.customer_view(&anna.code, at).unwrap();
    assert_eq!(
        view(&mut s, T0 + 60).just_redeemed.as_deref(),
        Some("Free coffee")
    );
    assert_eq!(
        view(&mut s, T0 + JUST_REDEEMED_SECONDS + 1).just_redeemed,
        None
    );
    // One friend three days after Anna's coffee, one twelve days after, one before it.
    for (i, at) in [(2, T0 + 3 * DAY), (3, T0 + 12 * DAY), (4, T0 - 5 * DAY)] {
        s.enroll(
            &NewCustomer {
                name: format!("Friend {i}"),
                phone: Some(format!("087000000{i}")),
                referred_by: Some(anna.referral_code.clone()),
                ..NewCustomer::default()
            },
            at,
            &mut rng,
        )
        .unwrap();
    }
    let now = T0 + 20 * DAY;
    let f = s.figures(T0 / DAY - 10, now / DAY, now).unwrap();
    assert_eq!(f.referrals.friends_enrolled, 3);
    assert_eq!(
        (f.referrals.after_redemption, f.referrals.other_times),
        (1, 2)
    );
    let slow = s
        .read(|tx| {
            tx.figures()
                .figures_brute_force(T0 / DAY - 10, now / DAY, now)
        })
        .unwrap();
    assert_eq!(f, slow);
}
