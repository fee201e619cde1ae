# The customer's pages (a phone, after scanning a receipt's QR code). Short sentences, the
# customer's own language, no shop jargon.
portal-loyalty = Loyalty rewards
portal-home-hint = Scan the QR code on your receipt to see your points, rate your visit or ask for help with a purchase.
portal-languages = Language
portal-visit-title = Your visit to { $shop }
portal-hi = Hi { $name }!
portal-thanks-visit = Thanks for your visit
portal-visit-on = Visit on { $when } · receipt { $receipt }
portal-refunded = { $amount } refunded
portal-earned = You earned <strong>{ $points ->
    [one] { $points } point
   *[other] { $points } points
}</strong> on this visit.
portal-balance = Balance: <strong>{ $points ->
    [one] { $points } point
   *[other] { $points } points
}</strong>
portal-ready = Ready for you now:
portal-done-rated = Thank you! Your rating is saved.
portal-done-rated-low = Thank you for telling us. We are sorry it was not better: someone from the shop will follow up.
portal-done-help = Your request is with the shop. You will hear back the way you chose.
portal-done-claimed = Done: the points are on your card.
portal-done-confirmed = Thank you for confirming. We are glad it is sorted.
portal-done-reopened = We have reopened your request and will be in touch.
portal-done-language = Saved: the shop will write to you in this language.
portal-claim = Claim points
portal-claim-offer = This receipt earns <strong>{ $points ->
    [one] { $points } point
   *[other] { $points } points
}</strong>. Add them to your card with your phone number or email; if you are new, add your first name and you are in.
portal-contact = Phone number or email
portal-first-name-new = First name (only if you are new)
portal-claim-button = { $points ->
    [one] Claim { $points } point
   *[other] Claim { $points } points
}
portal-claim-too-old = Receipts can be claimed for { $days } days after the visit; this one is older.
portal-claim-refunded = This purchase was refunded, so there are no points to claim.
portal-rate = Rate this visit
portal-rated = You rated it { $stars } out of 5.
portal-how-was-it = How was it? (1 to 5 stars)
portal-stars = { $stars ->
    [one] { $stars } star
   *[other] { $stars } stars
}
portal-comment = Anything to add? (optional)
portal-rate-change = Change my rating
portal-rate-send = Send rating
portal-rate-closed = Ratings can be changed for 7 days.
portal-help = Help with this purchase
portal-request = Request #{ $id }
portal-status = Status: { $status }
portal-resolved-ask = The shop marked this as sorted. Is it?
portal-resolved-yes = Yes, it is sorted
portal-resolved-no = No, there is still a problem
portal-help-open = Something not right? Tell us
portal-help-more = Ask about something else
portal-what-wrong = What went wrong?
portal-tell-more = Tell us more
portal-how-reply = How should we get back to you?
portal-help-contact-member = Phone or email (leave empty to use the one on your card)
portal-help-contact = Phone or email
portal-help-send = Ask for help
portal-card = Your card
portal-card-hint = Show this at the counter next time: your phone is your loyalty card.
portal-card-language = Language for messages from the shop
portal-save = Save
portal-invite = Invite a friend
portal-invite-bonus = You get { $referrer } points and your friend gets { $friend } after their first visit.
portal-share = Share this link:
portal-join-title = Join { $shop }
portal-invited = { $friend } invited you
portal-join-offer = Join our loyalty rewards and get <strong>{ $points } points</strong> after your first purchase (and { $friend } gets { $referrer } too).
portal-join-plain = Join our loyalty rewards: points on every visit.
portal-first-name = First name
portal-join = Join
portal-join-counter = Or join at the counter
portal-show-cashier = Show this code to the cashier:
portal-welcome-title = Welcome to { $shop }
portal-welcome = Welcome, { $name }!
portal-member-now = You are a member. Show this code at the counter on your first visit.
portal-screenshot = Take a screenshot: this is your loyalty card.
portal-qr-label = QR code: { $code }
# Ticket states, as the customer reads them.
status-open = open
status-waiting = waiting for you
status-resolved = sorted
status-confirmed = sorted, confirmed by you
problem-missing = Something was missing
problem-wrong_item = Wrong item
problem-quality = Quality was not right
problem-charged = I was charged the wrong amount
problem-service = Service
problem-other = Something else
contact-via-phone = Phone call
contact-via-email = Email
contact-via-sms = Text message (SMS)
contact-via-in_store = Next time I'm in the shop
# Pages that only say what went wrong.
error-not-found = Not found
error-not-found-text = This link does not lead to a receipt. Scan the whole code on your receipt again, or ask at the counter.
error-expired = Form expired
error-expired-text = This form has expired or did not come from this page. Go back, reload the page and send it again.
error-check = Please check
error-try-again = Try again
error-busy-text = The shop's system is busy. Please try again in a minute.
error-pick-stars = Pick 1 to 5 stars, then send the rating.
error-pick-problem = Choose what went wrong, then send it again.
error-pick-contact-via = Choose how the shop should get back to you.
error-need-contact = Add a phone number or email so the shop can reach you (or choose “Next time I'm in the shop”).
error-join-contact = Add your phone number or email, then join.
error-join-taken = That phone number or email already has a card. Ask at the counter and we will find it.
error-already-claimed = This receipt's points have already been claimed.
error-claim-contact = Give the phone number or email of your membership (or the one to join with).
error-name = Add your first name (up to 100 characters).
error-phone = That phone number does not look right: check the digits.
error-email = That email address does not look right: check it.
error-too-many = Too many requests from this connection. Please wait a minute and try again.
portal-messages = Messages from the shop
portal-birthday = Your birthday (day and month), for a treat on the day — only if you like
portal-birthday-example = MM-DD, e.g. 07-14
portal-birthday-kept = The shop has your birthday: a treat waits for you on the day.
portal-done-messages = Saved: the shop will write to you as you chose.
# The front page's field for the code printed under a receipt's QR.
portal-code-label = Or type the code under the QR
portal-code-open = Open my receipt
# A link the chain signed for a sale that has not reached this server yet.
error-on-its-way = Your receipt is on its way
error-on-its-way-text = The shop has not sent this visit here yet. Try again in a minute or two: the link on your receipt is right.
contact-via-whatsapp = WhatsApp
contact-via-viber = Viber
contact-via-telegram = Telegram
contact-via-messenger = Messenger
portal-chats = Chat with the shop
portal-chats-hint = Get reward news and answers about your visits in the app you already use. One tap links it to your card.
portal-chat-link = Message us on { $app }
portal-chat-linked = Linked on { $app }
chat-link-prefill = Link my card:
chat-welcome-linked = Your card at { $shop } is linked: reward news and answers come here. Write to us any time.
chat-welcome-refused = This link was used already or is not { $shop }'s: open your visit page again and tap the button there.
