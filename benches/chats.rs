//! The outbox's throughput on each chat app (issue "The customer's own channel"):
//! `REGULARS_BENCH_CHATS` (default 1,000) "reward ready" messages to members who linked a chat
//! on Telegram, WhatsApp, Viber and Messenger, sent by `send_due` (claim, words in the member's
//! language, the app's rules, the hand-over noted, sent, marked) to a local server on loopback
//! answering each app's documented success (one HTTP/1.1 connection kept alive, as the apps'
//! servers keep it). The baseline in the same run: the same number of messages sent straight
//! to the same server by the same transport, with no outbox at all.

use regulars::datadir::DataDir;
use regulars::domain::messages::Channel;
use regulars::messages::{
    Letter, MessengerTransport, TelegramTransport, Transport, ViberTransport, WhatsAppTransport,
};
use regulars::services::messages::{Links, Senders, send_due};
use regulars::store::{NewChatLink, NewCustomer, NewSale};
use std::io::{BufRead, BufReader, Read, Write};
use std::time::Instant;

/// Answers every request with the success its app documents for a sent message.
fn server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_nodelay(true);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut n = 0u64;
                loop {
                    let mut first = String::new();
                    if reader.read_line(&mut first).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut length = 0usize;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = line.split_once(':')
                            && k.eq_ignore_ascii_case("content-length")
                        {
                            length = v.trim().parse().unwrap_or(0);
                        }
                    }
                    let mut body = vec![0; length];
                    if reader.read_exact(&mut body).is_err() {
                        return;
                    }
                    n += 1;
                    let answer = if first.contains("/sendMessage") {
                        format!(
                            r#"{{"ok":true,"result":{{"message_id":{n},"chat":{{"id":1,"type":"private"}},"date":0}}}}"#
                        )
                    } else if first.contains("/send_message") {
                        format!(r#"{{"status":0,"status_message":"ok","message_token":{n}}}"#)
                    } else if first.contains("/me/messages") {
                        format!(r#"{{"recipient_id":"1","message_id":"m_{n}"}}"#)
                    } else {
                        format!(
                            r#"{{"messaging_product":"whatsapp","contacts":[],"messages":[{{"id":"wamid.{n}"}}]}}"#
                        )
                    };
                    // One write: the answer's pieces in separate packets would wait on the
                    // client's delayed ACK.
                    let whole = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{answer}",
                        answer.len()
                    );
                    if stream.write_all(whole.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

fn config(api: &str) -> String {
    format!(
        "[shop]\nname = \"Bench Café\"\n\
         [telegram]\ntoken = \"123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"\nbot = \"bench_bot\"\n\
         api_url = \"{api}\"\n\
         [whatsapp]\ntoken = \"t\"\nphone_number_id = \"1065\"\nnumber = \"+91 40 4000 0000\"\n\
         app_secret = \"s\"\nverify_token = \"v\"\napi_url = \"{api}/v21.0\"\n\
         [viber]\ntoken = \"t\"\nuri = \"bench\"\napi_url = \"{api}/pa\"\n\
         [messenger]\npage_token = \"t\"\napp_secret = \"s\"\nverify_token = \"v\"\npage = \"bench\"\n\
         api_url = \"{api}/v21.0\"\n"
    )
}

fn main() {
    let n: usize = std::env::var("REGULARS_BENCH_CHATS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let api = server();
    for channel in Channel::CHATS {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), config(&api)).unwrap();
        let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
        data.prepare().unwrap();
        let config = data.config().unwrap();
        let now = regulars::clock::now();
        let mut store = data.open_store(&config, now).unwrap();
        let mut seed = 1u64;
        let mut random = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 11
        };
        let languages = ["en", "lv", "sr-Cyrl", "sr-Latn", "fil", "te"];
        for i in 0..n {
            let new = NewCustomer {
                name: format!("Member {i}"),
                language: Some(languages[i % languages.len()].into()),
                ..NewCustomer::default()
            };
            let code = store.enroll(&new, now, &mut random).unwrap().code;
            let chat = format!("{}", 919_840_000_000u64 + i as u64);
            store
                .write(|t| {
                    let id = t.people().customer(&code)?.id();
                    t.messages().link_chat(&NewChatLink {
                        channel,
                        chat: &chat,
                        code: &format!("bench-{i}"),
                        customer_id: id,
                        wording: "I want reward news on the app.",
                        language: None,
                        at: now,
                    })?;
                    t.counter().record_sale(&NewSale {
                        amount: 4_500,
                        at: now,
                        customer: Some(code.clone()),
                        receipt: None,
                    })
                })
                .unwrap();
        }
        let secret = data.secret().unwrap();
        let links = Links {
            public_url: &config.portal.public_url,
            secret: &secret,
        };
        let mut senders = Senders::from_config(&config);
        let started = Instant::now();
        let round = send_due(
            &mut store,
            &config.shop,
            &links,
            &mut senders,
            &regulars::clock::now,
            usize::MAX,
        )
        .unwrap();
        let outbox = started.elapsed().as_secs_f64();
        assert_eq!(round.sent, n, "{channel:?}: {round:?}");

        let chats = config.chats.clone();
        let mut transport: Box<dyn Transport> = match channel {
            Channel::Telegram => Box::new(TelegramTransport::new(chats.telegram.unwrap())),
            Channel::WhatsApp => Box::new(WhatsAppTransport::new(chats.whatsapp.unwrap())),
            Channel::Viber => Box::new(ViberTransport::new(chats.viber.unwrap())),
            _ => Box::new(MessengerTransport::new(chats.messenger.unwrap())),
        };
        let started = Instant::now();
        for i in 0..n {
            let letter = Letter {
                to: format!("{}", 919_840_000_000u64 + i as u64),
                subject: String::new(),
                text: "You have 45 points: enough for Free coffee.".into(),
                key: format!("baseline:{i}"),
                unsubscribe: None,
                language: "en".into(),
                form: Default::default(),
            };
            transport.send(&letter, &mut || Ok(())).unwrap();
        }
        let raw = started.elapsed().as_secs_f64();
        println!(
            "{}: outbox {n} messages in {outbox:.2} s = {:.0}/s; the transport alone {raw:.2} s \
             = {:.0}/s; outbox / transport time: {:.2}×",
            channel.app_name(),
            n as f64 / outbox,
            n as f64 / raw,
            outbox / raw
        );
    }
}
