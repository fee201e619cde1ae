# Messages to customers by email and SMS, in the customer's language. Short, warm, no shop
# jargon; an SMS is the subject and the first sentence only.
msg-hello-name = Hello { $name },
msg-hello = Hello,
msg-reward-ready-subject = Your { $reward } is ready at { $shop }
msg-reward-ready = You have { $points ->
    [one] { $points } point
   *[other] { $points } points
}: enough for { $reward }. Just show your card at the till next time.
msg-nearing-reward-subject = Nearly there: { $reward } at { $shop }
msg-nearing-reward = You have { $points ->
    [one] { $points } point
   *[other] { $points } points
}. { $remaining ->
    [one] { $remaining } more point
   *[other] { $remaining } more points
} and { $reward } is yours.
msg-welcome-back-subject = We have missed you at { $shop }
msg-welcome-back = It has been a while! { $reward } is waiting for you until { $until }.
msg-birthday-subject = Happy birthday from { $shop }
msg-birthday = Happy birthday! { $reward } is waiting for you until { $until }.
msg-anniversary-subject = Thank you for another year with { $shop }
msg-anniversary = Another year as a member: thank you! { $reward } is waiting for you until { $until }.
msg-ticket-resolved-subject = Is it sorted? Your request at { $shop }
msg-ticket-resolved = We have dealt with your request: “{ $summary }”. Is everything all right now? Please tell us on your visit page, with one tap: { $link }
msg-ticket-follow-up-subject = Still all right? Your request at { $shop }
msg-ticket-follow-up = We have not heard back about “{ $summary }”. Is it sorted? Confirm it, or tell us it is not, on your visit page: { $link }
msg-ticket-reply-subject = About your request at { $shop }
msg-ticket-reply = { $reply } (About your request “{ $summary }”: { $link })
msg-sign-off = { $shop }
msg-unsubscribe = You get this because you asked for offers and reward news. To stop them, one click: { $link }
msg-sms-stop = Reply STOP to stop.
# The word a customer texts back to stop SMS, in this language (STOP always works too).
msg-stop-word = STOP
consent-email-wording = I would like reward news and offers from { $shop } by email. I can unsubscribe at any time.
consent-sms-wording = I would like reward news and offers from { $shop } by SMS. I can reply STOP at any time.
unsub-title = Messages from { $shop }
unsub-question-email = Stop reward news and offers by email to { $address }?
unsub-question-sms = Stop reward news and offers by SMS to { $address }?
unsub-button = Unsubscribe
unsub-done-email = Done: no more reward news or offers by email. Replies about a request you made still reach you.
unsub-done-sms = Done: no more reward news or offers by SMS. Replies about a request you made still reach you.
unsub-already = You are not subscribed to these messages.
unsub-wording = Unsubscribed with the link in a message from { $shop }.
sms-stop-wording = Texted “{ $text }” back to { $shop }.
message-kind-reward-ready = reward ready
message-kind-nearing-reward = nearing a reward
message-kind-welcome-back = welcome back
message-kind-birthday = birthday
message-kind-anniversary = anniversary
message-kind-ticket-resolved = ticket resolved
message-kind-ticket-follow-up = ticket follow-up
message-kind-ticket-reply = staff's reply
message-state-queued = waiting
message-state-sending = sending
message-state-sent = sent
message-state-failed = failed
message-state-cancelled = not sent
message-state-unsure = unsure
message-channel-email = email
message-channel-sms = SMS
consent-source-counter = at the counter
consent-source-page = on a page
consent-source-import = imported
consent-source-staff = told staff
consent-source-unsubscribe = unsubscribe link
consent-source-sms_stop = texted STOP
message-problem-unreachable = Cannot reach { $about }: tried again later
message-problem-tls = The secure connection to { $about } failed
message-problem-no-starttls = { $about } does not offer STARTTLS: set [email] tls = "tls" for port 465
message-problem-login = { $about } refused the user name or password: check [email] username and password
message-problem-settings = The settings cannot be used: { $about }
message-problem-refused-sender = The mail server refused the sender { $about }: check [email] from
message-problem-refused-recipient = The mail server refused { $about } (a bounce): check the address
message-problem-refused-message = The mail server refused the message
message-problem-bad-address = { $about } is not an address a message can go to
message-problem-gateway = The SMS gateway answered { $about }
message-problem-unsure = The connection broke after the server had the message: it may have gone out, so it is not sent again by itself
message-problem-stopped = The till stopped while the server had the message: it may have gone out, so it is not sent again by itself
message-problem-consent-withdrawn = Not sent: consent withdrawn
message-problem-no-address = Not sent: the customer has no address for it now
message-problem-erased = Not sent: the customer was erased
message-problem-no-contact = Not sent: the ticket's contact was erased
message-problem-store = Not sent: the hand-over could not be noted
consent-source-chat = in the chat
consent-chat-wording = I want reward news, offers and answers from { $shop } on { $app }. I can stop the chat at any time.
msg-chat-stop = No more offers: { $link }
message-problem-token-refused = { $about } refused the key: it was revoked or mistyped, set a new one in config.toml
message-problem-chat-ended = Not sent: the customer ended the chat on { $about }
message-problem-opted-out = Not sent: the customer turned off offers on { $about }
message-problem-rate-limited = { $about } asks to slow down: will try again later
message-problem-app-down = { $about } is not answering: will try again later
message-problem-app-refused = { $about } refused the message
message-problem-window-closed = { $about }: the customer last wrote more than 24 hours ago, so only an approved template may go: it waits, or goes on their other channel
message-problem-no-template = { $about }: no approved template for this message in this language (set [whatsapp.templates]): it waits, or goes on the customer's other channel
