# Tiếng Việt: ngôn ngữ mặc định. Mọi câu chữ người dùng nhìn thấy đều ở đây, không nằm trong mã.

## Mô tả lệnh trong menu
cmd-start = Bắt đầu, tham gia bằng liên kết mời
cmd-help = Những việc Anh/Chị có thể làm
cmd-me = Thông tin bot lưu về Anh/Chị
cmd-lang = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-cancel = Dừng việc đang làm
cmd-units = Quản lý đơn vị (Văn phòng)
cmd-invite = Tạo liên kết mời (Văn phòng)
cmd-round = Quản lý kỳ xét khen thưởng (Văn phòng)

## Vai trò
role-guest = chưa đăng ký
role-employee = công chức, viên chức, người lao động
role-unit_head = trưởng đơn vị
role-office = Văn phòng Sở

## Chung
office-only = Lệnh này chỉ dành cho Văn phòng Sở. Nếu Anh/Chị cần dùng, vui lòng liên hệ Văn phòng Sở để được cấp quyền.
office-private-only = Vui lòng dùng lệnh này trong chat riêng với bot: câu trả lời có thể chứa liên kết mời hoặc thông tin chỉ dành cho Văn phòng Sở.
private-chat-only = Lệnh /{$command} chỉ dùng trong chat riêng với bot: Anh/Chị bấm nút dưới đây để mở.
private-chat-button = 💬 Mở chat riêng với bot
error-apology = Xin lỗi Anh/Chị, bot vừa gặp lỗi khi xử lý yêu cầu này. Thông tin đã lưu không bị mất; Anh/Chị vui lòng thử lại sau ít phút.
stale-button = Nút này đã hết hiệu lực. Anh/Chị vui lòng dùng tin nhắn mới nhất hoặc gửi /help.
unknown-command = Bot chưa hiểu lệnh này. Gửi /help để xem các lệnh Anh/Chị có thể dùng.
unknown-input = Bot chưa hiểu tin nhắn này. Gửi /help để xem các việc Anh/Chị có thể làm.
edited-message = Bot không nhận tin nhắn đã sửa: câu trả lời đã lưu vẫn giữ nguyên. Nếu muốn đổi câu trả lời, Anh/Chị gửi lại tin nhắn mới (hoặc dùng nút «Sửa» ở bảng tóm tắt).
page-marker = Trang {$page}/{$pages}

## Trợ giúp
help-guest =
    <b>ThiĐua bot</b> giúp công chức, viên chức, người lao động của Sở tham gia phong trào thi đua ngay trong Telegram: tự đánh giá theo từng tiêu chí, kèm minh chứng, và được nhắc trước hạn nộp hồ sơ.

    Anh/Chị chưa đăng ký. Để tham gia, vui lòng xin <b>liên kết mời</b> của đơn vị mình từ Văn phòng Sở hoặc trưởng đơn vị, rồi bấm vào liên kết đó.

    Các lệnh: /help trợ giúp · /plan kế hoạch thi đua · /lang đổi ngôn ngữ · /me thông tin bot lưu về Anh/Chị
plan-button = 📋 Kế hoạch thi đua
plan-title = 📋 <b>Kế hoạch tổ chức phong trào thi đua “{$title}”</b>
plan-basis = Thực hiện {$basis}.
plan-organisers-title = <b>Cơ quan tổ chức</b> (cơ quan nhận hồ sơ của từng năm)
plan-organiser = • Năm {$years}: {$name}
plan-purpose-title = <b>Mục đích</b>
plan-contents-title = <b>Nội dung thi đua</b>
plan-criteria = <b>Tiêu chí thi đua</b>: tập thể {$collective} tiêu chí, cá nhân {$individual} tiêu chí. Gửi /assess để tự đánh giá theo từng tiêu chí.
plan-forms-title = <b>Hình thức và số lượng khen thưởng</b>
plan-form = • {$form}: {$quota}
plan-quota = {$collective} tập thể, không quá {$individual} cá nhân
plan-quota-unset = chưa quy định số lượng
plan-deadline = <b>Hồ sơ đề nghị khen thưởng</b> gửi về {$recipient} trước ngày {$day} hằng năm.
plan-deadline-open = Năm {$year}: trước {$deadline}.
help-who = Anh/Chị <b>{$name}</b>, {$role}, {$unit}.
help-who-admin = Anh/Chị là quản trị viên Văn phòng Sở (theo cấu hình của bot).
help-common =
    <b>Lệnh chung</b>
    /me: xem, sửa hoặc xóa thông tin bot lưu về Anh/Chị
    /lang: đổi ngôn ngữ
    /cancel: dừng việc đang làm (thông tin đã lưu vẫn còn)
    /help: trợ giúp
    /plan: kế hoạch thi đua: nội dung, tiêu chí, hình thức khen thưởng, hạn nộp hồ sơ
help-office =
    <b>Lệnh của Văn phòng Sở</b>
    /units: danh sách đơn vị
    /units add &lt;mã&gt; &lt;tên&gt;: thêm đơn vị
    /units rename &lt;mã&gt; &lt;tên mới&gt;: đổi tên
    /units archive &lt;mã&gt; · /units restore &lt;mã&gt;: lưu trữ, khôi phục
    /units sample: thêm các đơn vị mẫu để dùng thử
    /units office &lt;mã&gt;: Văn phòng Sở đề nghị khen thưởng cho đơn vị (Ban Giám đốc, Văn phòng Sở)
    /invite &lt;mã&gt;: liên kết mời công chức, viên chức, người lao động vào đơn vị
    /invite &lt;mã&gt; head: liên kết mời trưởng đơn vị
    /invite &lt;mã&gt; office: liên kết mời thành viên Văn phòng Sở
    /invite list · /invite revoke &lt;liên kết&gt;: xem, thu hồi liên kết
    /round: các kỳ xét khen thưởng và hạn nộp hồ sơ
    /round open &lt;năm&gt; · /round close &lt;năm&gt;: mở, đóng kỳ xét khen thưởng của năm

## /cancel
cancel-nothing = Hiện không có việc gì đang dở. Gửi /help để xem các việc Anh/Chị có thể làm.
cancel-done = Đã dừng. Các câu trả lời đã được lưu; khi muốn làm tiếp, Anh/Chị gửi {$command}.
cancel-registration = Đã dừng đăng ký. Những câu Anh/Chị đã trả lời vẫn được lưu; gửi /start (hoặc bấm lại liên kết mời) để tiếp tục từ chỗ đang dở.

## /lang
lang-choose = Anh/Chị chọn ngôn ngữ:
lang-set = Đã chuyển sang Tiếng Việt.

## /start
start-in-group = Vui lòng nhắn riêng cho bot để đăng ký và sử dụng.
start-welcome-back = Chào mừng Anh/Chị quay lại.
start-welcome-admin = Xin chào! <b>ThiĐua bot</b> giúp Văn phòng Sở tổ chức phong trào thi đua ngay trong Telegram.
start-guest =
    Xin chào! <b>ThiĐua bot</b> giúp công chức, viên chức, người lao động của Sở tham gia phong trào thi đua ngay trong Telegram.

    Để tham gia, Anh/Chị cần <b>liên kết mời</b> của đơn vị mình. Vui lòng xin liên kết từ Văn phòng Sở hoặc trưởng đơn vị, rồi bấm vào liên kết đó. Gửi /help để biết thêm.

## Liên kết mời
invite-problem-unknown = Liên kết mời này không đúng hoặc không tồn tại. Anh/Chị vui lòng kiểm tra lại, hoặc xin liên kết mới từ Văn phòng Sở.
invite-problem-expired = Liên kết mời này đã hết hạn. Anh/Chị vui lòng xin liên kết mới từ Văn phòng Sở.
invite-problem-revoked = Liên kết mời này đã bị Văn phòng Sở thu hồi. Anh/Chị vui lòng xin liên kết mới.
invite-problem-used = Liên kết mời này chỉ dùng được một lần và đã được sử dụng. Anh/Chị vui lòng xin liên kết mới từ Văn phòng Sở.
invite-problem-unit_archived = Đơn vị của liên kết mời này đã ngừng hoạt động trên bot. Anh/Chị vui lòng liên hệ Văn phòng Sở.
invite-already-member = Anh/Chị đã là thành viên của <b>{$unit}</b> với đúng vai trò này. Gửi /help để xem các việc có thể làm.
invite-switch-offer =
    Anh/Chị đang ở <b>{$fromUnit}</b> ({$fromRole}).
    Liên kết này mời Anh/Chị vào <b>{$toUnit}</b> ({$toRole}). Anh/Chị có muốn chuyển không?
invite-switch-yes = Chuyển
invite-switch-no = Giữ nguyên
invite-switch-done = Đã chuyển: Anh/Chị nay thuộc <b>{$unit}</b> ({$role}).
invite-switch-kept = Đã giữ nguyên đơn vị và vai trò hiện tại.
invite-switch-pending =
    Anh/Chị đã nộp bản tự đánh giá hoặc đang có đề nghị khen thưởng trong kỳ xét khen thưởng năm {$year}, nên việc chuyển sang <b>{$toUnit}</b> cần Văn phòng Sở đồng ý.
    Bot đã gửi yêu cầu cho Văn phòng Sở. Trong khi chờ, Anh/Chị vẫn thuộc <b>{$fromUnit}</b>; bot sẽ báo khi có kết quả.
mv-request =
    🔁 <b>{$name}</b> ({$fromUnit}, {$fromRole}) xin chuyển sang <b>{$toUnit}</b> ({$toRole}) qua liên kết mời.
    Người này đã nộp bản tự đánh giá hoặc đang có đề nghị khen thưởng trong kỳ xét khen thưởng năm {$year}, nên chỉ chuyển khi Văn phòng Sở đồng ý. Trong khi chờ, người này vẫn thuộc {$fromUnit}.
mv-approve = ✅ Đồng ý chuyển
mv-refuse = ✖️ Không đồng ý
mv-approved = ✅ Đã đồng ý: <b>{$name}</b> chuyển từ {$fromUnit} sang <b>{$toUnit}</b> ({$role}). Bot sẽ báo người này và trưởng hai đơn vị.
mv-refused = ✖️ Không đồng ý: <b>{$name}</b> vẫn thuộc <b>{$fromUnit}</b>. Bot sẽ báo người này.
mv-stale = Yêu cầu chuyển đơn vị này đã được xử lý hoặc không còn hiệu lực.
nt-move-approved = ✅ Văn phòng Sở đã đồng ý: Anh/Chị nay thuộc <b>{$toUnit}</b> ({$role}).
nt-move-refused = ✖️ Văn phòng Sở không đồng ý việc chuyển sang <b>{$toUnit}</b>: Anh/Chị vẫn thuộc <b>{$fromUnit}</b>. Nếu cần, Anh/Chị vui lòng liên hệ Văn phòng Sở.
nt-person-moved = 🔁 <b>{$name}</b> đã chuyển từ <b>{$fromUnit}</b> sang <b>{$toUnit}</b> ({$role}).

## Trong các bước hỏi đáp
flow-button-not-now = Nút này không dùng được ở bước này.
flow-text-expected = Anh/Chị vui lòng trả lời bằng một tin nhắn chữ. Gửi /cancel nếu muốn dừng.
flow-press-button = Anh/Chị vui lòng bấm một trong các nút ở tin nhắn phía trên. Gửi /cancel nếu muốn dừng.
flow-press-button-below = Anh/Chị vui lòng bấm một trong các nút bên dưới, hoặc gõ đúng chữ trên nút. Gửi /cancel nếu muốn dừng.
flow-command-not-now = Lệnh này không dùng được trong lúc đang trả lời. Anh/Chị vui lòng trả lời câu hỏi, hoặc gửi /cancel để dừng (câu trả lời đã lưu vẫn còn).

## Đăng ký
reg-privacy =
    Chào mừng Anh/Chị đến với <b>ThiĐua bot</b> của {$organisation}.
    Liên kết này mời Anh/Chị tham gia <b>{$unit}</b> với vai trò <b>{$role}</b>.

    <b>Bot sẽ lưu:</b> mã người dùng Telegram, họ và tên, chức vụ, đơn vị, vai trò, ngôn ngữ Anh/Chị chọn; sau này là các câu trả lời tự đánh giá và minh chứng Anh/Chị gửi; khi được đề nghị khen thưởng, thông tin cho Báo cáo thành tích (ngày sinh, giới tính, quê quán, trình độ chuyên môn, nhiệm vụ được giao, khen thưởng đã nhận) do Anh/Chị hoặc trưởng đơn vị bổ sung.
    <b>Để làm gì:</b> chỉ để tổ chức phong trào thi đua, bình xét và đề nghị khen thưởng của Sở. Thông tin được Văn phòng Sở và trưởng đơn vị của Anh/Chị xem theo phân quyền.
    <b>Quyền của Anh/Chị:</b> xem (/me), sửa và yêu cầu xóa thông tin bất cứ lúc nào (/me).

    Anh/Chị có đồng ý để bot lưu các thông tin trên không?
reg-privacy-office =
    Chào mừng Anh/Chị đến với <b>ThiĐua bot</b> của {$organisation}.
    Anh/Chị là quản trị viên <b>{$unit}</b> theo cấu hình của bot. Để lịch sử xử lý hồ sơ đề nghị khen thưởng và các thông báo ghi đúng tên người thực hiện, bot xin họ và tên, chức vụ của Anh/Chị.

    <b>Bot sẽ lưu:</b> mã người dùng Telegram, họ và tên, chức vụ, ngôn ngữ Anh/Chị chọn.
    <b>Để làm gì:</b> chỉ để tổ chức phong trào thi đua, bình xét và đề nghị khen thưởng của Sở; tên của Anh/Chị hiện trong lịch sử xử lý hồ sơ.
    <b>Quyền của Anh/Chị:</b> xem và yêu cầu xóa thông tin bất cứ lúc nào (/me).

    Anh/Chị có đồng ý để bot lưu các thông tin trên không?
reg-refused-office = Bot không lưu thông tin nào của Anh/Chị. Anh/Chị vẫn dùng được các lệnh của Văn phòng Sở; khi muốn khai báo họ tên, gửi /start.
reg-cancelled-office = Đã hủy và xóa các câu trả lời. Anh/Chị vẫn dùng được các lệnh của Văn phòng Sở; gửi /start để khai báo lại.
reg-done-office =
    Đăng ký xong. Chào mừng Anh/Chị <b>{$name}</b> ({$role})!
    Gửi /help để xem các việc Anh/Chị có thể làm.
reg-consent-yes = Tôi đồng ý
reg-consent-no = Tôi không đồng ý
reg-refused = Bot không lưu bất kỳ thông tin nào của Anh/Chị. Nếu đổi ý, Anh/Chị chỉ cần bấm lại liên kết mời.
reg-resume = Anh/Chị đang đăng ký dở vào <b>{$unit}</b>. Bot tiếp tục từ câu còn thiếu.
reg-ask-name = Anh/Chị vui lòng nhập <b>họ và tên</b> đầy đủ, có dấu (ví dụ: Nguyễn Thị Lan).
reg-ask-position = Anh/Chị vui lòng nhập <b>chức vụ</b> hoặc vị trí công tác (ví dụ: Chuyên viên, Phó Trưởng phòng).
reg-confirm =
    Anh/Chị vui lòng kiểm tra lại:
    Họ và tên: <b>{$name}</b>
    Chức vụ: <b>{$position}</b>
    Đơn vị: <b>{$unit}</b>
    Vai trò: <b>{$role}</b>
reg-confirm-yes = ✅ Xác nhận
reg-edit-name = Sửa họ tên
reg-edit-position = Sửa chức vụ
reg-cancel = Hủy đăng ký
reg-cancelled = Đã hủy đăng ký và xóa các câu trả lời. Anh/Chị có thể bấm lại liên kết mời bất cứ lúc nào.
reg-ask-new-link = Những câu Anh/Chị đã trả lời đã được xóa; vui lòng xin liên kết mới rồi đăng ký lại.
reg-done =
    Đăng ký xong. Chào mừng Anh/Chị <b>{$name}</b> ({$role}, {$unit})!
    Gửi /help để xem các việc Anh/Chị có thể làm.

## Kiểm tra họ tên, chức vụ
name-problem-empty = Họ và tên không được để trống. Anh/Chị vui lòng nhập lại.
name-problem-too_long = Họ và tên dài quá 80 ký tự. Anh/Chị vui lòng nhập lại.
name-problem-too_short = Họ và tên quá ngắn. Anh/Chị vui lòng nhập lại.
name-problem-bad_characters = Họ và tên chỉ gồm chữ cái (có dấu), dấu cách, dấu gạch nối hoặc dấu nháy; không có số hay ký hiệu. Anh/Chị vui lòng nhập lại.
name-problem-one_word = Anh/Chị vui lòng nhập đủ họ và tên (ít nhất hai chữ, ví dụ: Nguyễn Thị Lan).
name-problem-bad_word = Mỗi chữ trong họ và tên phải bắt đầu bằng chữ cái; dấu gạch nối hoặc dấu nháy chỉ nằm giữa hai chữ cái (ví dụ: H'Hen Niê). Anh/Chị vui lòng nhập lại.
name-problem-hidden_characters = Họ và tên có ký tự ẩn hoặc ký tự điều khiển (ký tự không nhìn thấy, đảo chiều chữ...) nên không lưu được. Anh/Chị vui lòng gõ lại họ và tên bằng bàn phím, không dán từ nơi khác.
name-without-marks = Họ và tên «{$name}» chưa có dấu. Anh/Chị vui lòng gõ lại có dấu (ví dụ: Trần Văn Bình); nếu tên vốn viết như vậy, bấm nút dưới đây.
name-keep = Giữ nguyên «{$name}»
position-problem-empty = Chức vụ không được để trống. Anh/Chị vui lòng nhập lại.
position-problem-too_long = Chức vụ dài quá 100 ký tự. Anh/Chị vui lòng nhập ngắn gọn hơn.
position-problem-too_short = Chức vụ quá ngắn. Anh/Chị vui lòng nhập lại.
position-problem-bad_characters = Chức vụ cần có chữ cái. Anh/Chị vui lòng nhập lại.
position-problem-one_word = Chức vụ chưa hợp lệ. Anh/Chị vui lòng nhập lại.
position-problem-bad_word = Chức vụ chưa hợp lệ. Anh/Chị vui lòng nhập lại.
position-problem-hidden_characters = Chức vụ có ký tự ẩn hoặc ký tự điều khiển (ký tự không nhìn thấy, đảo chiều chữ...) nên không lưu được. Anh/Chị vui lòng gõ lại bằng bàn phím, không dán từ nơi khác.
input-hidden-characters = Tin nhắn của Anh/Chị có ký tự ẩn hoặc ký tự điều khiển ({$code}: ký tự không nhìn thấy, hoặc làm chữ hiện ngược chiều) nên bot không nhận. Chưa có gì thay đổi; Anh/Chị vui lòng gõ lại bằng bàn phím, không dán từ nơi khác.

## /me
me-nothing = Bot không lưu thông tin cá nhân nào của Anh/Chị (mã Telegram: {$id}).
me-language-only = Bot chỉ lưu lựa chọn ngôn ngữ của Anh/Chị (mã Telegram: {$id}); Anh/Chị chưa đăng ký. Bấm nút dưới đây nếu muốn xóa.
me-draft = Anh/Chị đang đăng ký dở (mã Telegram: {$id}). Bot đang giữ các câu Anh/Chị đã trả lời; gửi /start để tiếp tục, hoặc bấm nút dưới đây để xóa.
me-office-profile =
    Họ và tên: <b>{$name}</b>
    Chức vụ: <b>{$position}</b>
me-admin-by-config = Anh/Chị là quản trị viên Văn phòng Sở theo cấu hình của bot.
me-profile =
    <b>Thông tin bot lưu về Anh/Chị</b>
    Mã Telegram: {$id}
    Họ và tên: {$name}
    Chức vụ: {$position}
    Đơn vị: {$unit}
    Vai trò: {$role}
    Ngôn ngữ: {$language}
    Đồng ý lưu thông tin lúc: {$consentedAt}
    Cập nhật lần cuối: {$updatedAt}
me-edit-name = Sửa họ tên
me-edit-position = Sửa chức vụ
me-delete = Xóa dữ liệu của tôi
me-delete-confirm = Anh/Chị có chắc muốn xóa dữ liệu của mình không? Anh/Chị sẽ không còn là thành viên của đơn vị trên bot; muốn tham gia lại phải dùng liên kết mời mới.
me-delete-yes = Xóa
me-delete-no = Không xóa
me-delete-kept = Đã giữ nguyên thông tin của Anh/Chị.
me-deleted = Đã xóa toàn bộ thông tin bot lưu về Anh/Chị.
me-ask-name = Anh/Chị nhập <b>họ và tên</b> mới (gửi /cancel để giữ nguyên):
me-ask-position = Anh/Chị nhập <b>chức vụ</b> mới (gửi /cancel để giữ nguyên):
me-updated = Đã cập nhật: <b>{$value}</b>.

## /units
units-usage =
    Cách dùng:
    /units: danh sách đơn vị
    /units add &lt;mã&gt; &lt;tên&gt;: thêm (ví dụ: /units add HCTP Phòng Hành chính tư pháp)
    /units rename &lt;mã&gt; &lt;tên mới&gt;: đổi tên
    /units archive &lt;mã&gt;: lưu trữ (ngừng hoạt động) · /units restore &lt;mã&gt;: khôi phục
    /units sample: thêm danh sách đơn vị <b>mẫu</b> để dùng thử
    /units office &lt;mã&gt;: Văn phòng Sở đề nghị khen thưởng cho đơn vị không có trưởng đơn vị cấp trên (Ban Giám đốc, Văn phòng Sở) · /units office &lt;mã&gt; off: bỏ
units-empty = Chưa có đơn vị nào. Thêm đơn vị bằng: /units add &lt;mã&gt; &lt;tên&gt;
units-header = <b>Các đơn vị ({$count})</b>
units-line = • <code>{$code}</code> {$name}: {$members} người{$office}{$sample}
units-line-archived = • <s><code>{$code}</code> {$name}</s>: đã lưu trữ{$sample}
units-sample-mark = {" "}(dữ liệu mẫu)
units-sample-note = Các đơn vị đánh dấu «dữ liệu mẫu» chỉ để dùng thử bot; Anh/Chị có thể đổi tên hoặc lưu trữ.
units-sample-added = Đã thêm {$count} đơn vị <b>mẫu</b> để dùng thử: {$codes}. Chúng được đánh dấu «dữ liệu mẫu»; gửi /units để xem.
units-bad-code = Mã đơn vị gồm 2–16 chữ cái hoặc chữ số, không có dấu cách (ví dụ: HCTP).
units-bad-name = Tên đơn vị cần từ 2 đến 120 ký tự và có chữ cái.
units-code-taken = Mã <code>{$code}</code> đã được dùng cho một đơn vị khác (kể cả đơn vị đã lưu trữ). Anh/Chị vui lòng chọn mã khác.
units-added = Đã thêm đơn vị <code>{$code}</code>: {$name}. Tạo liên kết mời bằng /invite {$code}
units-not-found = Không tìm thấy đơn vị có mã <code>{$code}</code>. Gửi /units để xem danh sách.
units-renamed = Đã đổi tên <code>{$code}</code>: «{$old}» thành «{$name}».
units-archived = Đã lưu trữ đơn vị <code>{$code}</code>. Các liên kết mời của đơn vị này không còn dùng được.
units-restored = Đã khôi phục đơn vị <code>{$code}</code>.

## /invite
invite-usage =
    Cách dùng:
    /invite &lt;mã đơn vị&gt;: mời công chức, viên chức, người lao động vào đơn vị
    /invite &lt;mã đơn vị&gt; head: mời trưởng đơn vị
    /invite &lt;mã đơn vị&gt; office: mời thành viên Văn phòng Sở
    /invite list: các liên kết còn hiệu lực
    /invite revoke &lt;liên kết&gt;: thu hồi một liên kết
invite-created = Đã tạo liên kết mời:
invite-line =
    <b>{$unit}</b>, vai trò {$role}
    {$link}
    Hết hạn: {$expires} · {$uses}
invite-single-use = dùng một lần{$used ->
        [0] {""}
       *[other] {""} (đã dùng)
    }
invite-multi-use = dùng nhiều lần (đã dùng {$used} lần)
invite-advice-employee = Anh/Chị gửi liên kết này cho công chức, viên chức, người lao động của đơn vị (có thể gửi vào nhóm chat của đơn vị).
invite-advice-unit_head = Liên kết này trao quyền trưởng đơn vị: chỉ gửi riêng cho đúng người.
invite-advice-office = Liên kết này trao quyền của Văn phòng Sở: chỉ gửi riêng cho đúng người.
invite-revoke = Thu hồi liên kết
invite-revoked = Đã thu hồi liên kết mời; ai bấm vào sẽ được báo là liên kết đã bị thu hồi.
invite-already-revoked = Liên kết này đã được thu hồi trước đó.
invite-not-found = Không tìm thấy liên kết mời đang hiệu lực như vậy. Gửi /invite list để xem các liên kết.
invite-list-empty = Không có liên kết mời nào còn hiệu lực.
invite-list-header = <b>Liên kết mời còn hiệu lực ({$count})</b>
invite-unit-archived = Đơn vị <code>{$code}</code> đã lưu trữ nên không thể mời thêm. Khôi phục bằng /units restore {$code}

## /round
round-header = <b>Các kỳ xét khen thưởng</b>
round-empty = Chưa mở kỳ xét khen thưởng nào.
round-line-open = • Năm {$year}: <b>đang mở</b>, hạn nộp hồ sơ trước ngày {$deadline}{$left}
round-line-closed = • Năm {$year}: đã đóng (hạn nộp trước ngày {$deadline})
round-days-left = {" "}(còn {$days} ngày)
round-last-day = {" "}(hôm nay là ngày cuối)
round-overdue = {" "}(đã quá hạn {$days} ngày)
round-usage = Mở kỳ xét khen thưởng: /round open &lt;năm&gt; [hạn nộp dd/mm/yyyy] · Đóng: /round close &lt;năm&gt;
round-opened =
    Đã mở kỳ xét khen thưởng năm <b>{$year}</b>.
    Hồ sơ đề nghị khen thưởng gửi về Văn phòng Sở trước {$deadline} (tức chậm nhất hết ngày {$dayBefore}).
round-reopened =
    Đã mở lại kỳ xét khen thưởng năm <b>{$year}</b>.
    Hạn nộp giữ nguyên: trước {$deadline} (tức chậm nhất hết ngày {$dayBefore}).
round-reopened-new-deadline =
    Đã mở lại kỳ xét khen thưởng năm <b>{$year}</b>.
    Hạn nộp mới: trước {$deadline} (tức chậm nhất hết ngày {$dayBefore}).
round-own-deadline = Đây là hạn riêng của kỳ này do Văn phòng Sở đặt (hạn theo kế hoạch là trước {$planned}).
round-kept-past-deadline = Lưu ý: hạn nộp đã qua nên bản tự đánh giá và hồ sơ chỉ xem được, trừ đơn vị được gia hạn (/reopen).
round-deadline-passed =
    Hạn nộp của kỳ xét khen thưởng năm <b>{$year}</b> theo kế hoạch là trước {$deadline}, nay đã qua. Nếu mở với hạn này, không ai tự đánh giá được và đơn vị không gửi được hồ sơ đề nghị khen thưởng.
    Anh/Chị chọn hạn nộp riêng cho kỳ này: {$days} ngày kể từ hôm nay (trước {$offered}), hoặc một ngày khác.
round-reopen-deadline-passed =
    Hạn nộp của kỳ xét khen thưởng năm <b>{$year}</b> là trước {$deadline}, nay đã qua. Nếu mở lại với hạn này, bản tự đánh giá và hồ sơ chỉ xem được, không sửa hay gửi thêm được.
    Anh/Chị chọn hạn nộp mới: {$days} ngày kể từ hôm nay (trước {$offered}) hoặc một ngày khác; hoặc mở lại và giữ hạn cũ.
round-open-offer-button = Mở, hạn trước ngày {$date}
round-keep-button = Mở lại, giữ hạn cũ ({$date})
round-other-date-button = Đặt hạn khác
round-cancel-button = Hủy
round-ask-date = Anh/Chị nhập ngày hạn nộp của kỳ xét khen thưởng năm {$year} theo dạng dd/mm/yyyy, ví dụ {$example}: hồ sơ gửi trước 00:00 của ngày đó. Gửi /cancel để hủy.
round-date-format = Ngày hạn nộp cần viết theo dạng dd/mm/yyyy, ví dụ {$example}.
round-date-not_a_date = Không có ngày {$date} trên lịch.
round-date-past = Hạn nộp phải là một ngày sau hôm nay ({$today}): hồ sơ gửi trước 00:00 của ngày đó.
round-date-too_far = Hạn nộp không được muộn hơn ngày {$latest} (một năm sau hôm nay, hoặc sau hạn theo kế hoạch nếu muộn hơn); vui lòng kiểm tra lại năm.
round-date-again = Vui lòng nhập lại ngày theo dạng dd/mm/yyyy, hoặc gửi /cancel để hủy.
round-open-cancelled = Đã hủy; kỳ xét khen thưởng năm {$year} chưa được mở.
round-already-open = Kỳ xét khen thưởng năm {$year} đang mở.
round-other-open = Kỳ xét khen thưởng năm {$open} đang mở. Mỗi lúc chỉ mở một kỳ để mọi người không bị lẫn bản tự đánh giá; vui lòng đóng năm {$open} (/round close {$open}) trước khi mở năm {$year}.
round-beyond-period = Lưu ý: năm này nằm ngoài giai đoạn {$from}–{$to} của kế hoạch; kỳ xét khen thưởng dùng lại bộ tiêu chí và hình thức khen thưởng của kế hoạch cho đến khi có kế hoạch mới.
round-not-found = Chưa có kỳ xét khen thưởng năm {$year}.
round-already-closed = Kỳ xét khen thưởng năm {$year} đã đóng trước đó.
round-closed = Đã đóng kỳ xét khen thưởng năm {$year}. Có thể mở lại bằng /round open {$year}
round-year-not_a_year = «{$year}» không phải là năm hợp lệ.
round-year-too_far_back = Kế hoạch bắt đầu từ năm {$from}; không mở kỳ xét khen thưởng cho năm {$year}.
round-year-too_far_ahead = Chưa thể mở kỳ xét khen thưởng năm {$year}: chỉ mở được đến năm sau của năm hiện tại.

## Tự đánh giá (/assess, /unit)
cmd-assess = Tự đánh giá theo tiêu chí thi đua
cmd-myresult = Xem kết quả tự đánh giá
cmd-unit = Đơn vị: tự đánh giá tập thể, tình hình tự đánh giá cá nhân
cmd-reopen = Gia hạn cho đơn vị (Văn phòng)
help-assess =
    <b>Tự đánh giá</b>
    /assess: tự đánh giá theo từng tiêu chí, kèm minh chứng
    /myresult: xem bản tự đánh giá đã lưu
help-unit-head =
    <b>Trưởng đơn vị</b>
    /unit: tự đánh giá của đơn vị (tập thể) và tình hình tự đánh giá của từng người
help-reopen = /reopen &lt;mã&gt; [số ngày]: gia hạn cho đơn vị sau hạn (tự đánh giá, đề nghị khen thưởng, hồ sơ); trưởng đơn vị được báo
as-intro =
    Bắt đầu {$subject ->
        [unit] tự đánh giá tập thể của <b>{$unit}</b>
       *[other] tự đánh giá cá nhân
    } năm <b>{$year}</b>: {$criteria} tiêu chí, rồi kết quả theo 6 nội dung cải cách hành chính.
    Mỗi câu trả lời được lưu ngay; gửi /cancel để dừng bất cứ lúc nào và quay lại sau.
as-which = {$subject ->
        [unit] bản tự đánh giá của đơn vị
       *[other] bản tự đánh giá cá nhân
    }
as-resume = Tiếp tục {as-which} từ câu còn thiếu (đã xong {$done}/{$total} mục). Các câu trả lời trước vẫn được giữ.
as-already-running = Anh/Chị đang làm dở {as-which}; bot hỏi lại câu đang chờ.
as-editing-submitted = Anh/Chị đang sửa {as-which} đã nộp; bot hỏi lại câu đang chờ.
as-opened-submitted = {$subject ->
        [unit] Bản tự đánh giá của đơn vị
       *[other] Bản tự đánh giá cá nhân
    } năm <b>{$year}</b> đã nộp. Anh/Chị vẫn sửa được đến hết hạn: bấm nút «Sửa…» ở bảng tóm tắt dưới đây, rồi nộp lại.
as-paused = Đã tạm dừng {as-which}; các câu trả lời vẫn được giữ. Gửi {$command} để làm tiếp.
as-progress-criterion = <b>Tiêu chí {$index}/{$total}</b> ({$code})
as-progress-area = <b>Nội dung cải cách hành chính {$index}/{$total}</b>
as-ask-met = {$subject ->
        [unit] Đơn vị
       *[other] Anh/Chị
    } có <b>đạt</b> tiêu chí này không?
as-yes = ✅ Đạt
as-no = ❌ Chưa đạt
as-ask-account = Anh/Chị tóm tắt ngắn <b>kết quả, việc đã làm</b> để chứng minh (tối đa 1000 ký tự).
as-ask-account-not-met = Anh/Chị có thể ghi ngắn lý do hoặc hướng khắc phục (tối đa 1000 ký tự), hoặc bấm Bỏ qua.
as-ask-decision-number = <b>Số quyết định</b> công nhận sáng kiến, giải pháp (ví dụ: 125/QĐ-STP)?
as-ask-initiative-name = <b>Tên sáng kiến, giải pháp</b> được công nhận?
as-ask-decision-date = <b>Ngày ký</b> quyết định (ngày/tháng/năm, ví dụ: 15/10/2026)?
as-ask-council = <b>Hội đồng</b> nào đã công nhận?
as-ask-rating = Kết quả <b>đánh giá, xếp loại</b> năm {$year} của {$subject ->
        [unit] đơn vị
       *[other] Anh/Chị
    }?
as-ask-files = Anh/Chị gửi <b>tệp minh chứng</b> (PDF, Word, Excel, ảnh JPG, PNG; mỗi tệp tối đa 20 MB; tối đa {$max} tệp), rồi bấm <b>Xong</b>. Không có tệp thì bấm Xong.
as-files-received = Đã nhận <b>{$count}</b> tệp minh chứng (tối đa {$max}). Gửi thêm, bấm 🗑 để xóa tệp gửi nhầm, hoặc bấm <b>Xong</b>:
as-file-remove = 🗑 {$number}
as-file-removed = Đã xóa tệp.
as-file-photo = Ảnh
as-file-unnamed = Tệp không tên
as-files-done = Xong
as-ask-area = Năm {$year}, {$subject ->
        [unit] đơn vị
       *[other] Anh/Chị
    } đạt kết quả gì về <b>{$area}</b>? Trả lời ngắn (tối đa 1000 ký tự), hoặc bấm Bỏ qua.
as-skip = Bỏ qua
as-keep = Giữ nguyên
as-previous = Câu trả lời trước: {$value}
as-skipped = (bỏ qua)
as-unanswered = (chưa trả lời)
as-stale = Câu hỏi này không còn chờ trả lời (Anh/Chị đã trả lời, hoặc đã chuyển sang việc khác). Muốn sửa câu trả lời, Anh/Chị dùng nút «Sửa tiêu chí…» ở bảng tóm tắt cuối.
as-moved = Câu hỏi đã thay đổi (có người khác vừa trả lời bản tự đánh giá này) nên câu trả lời vừa rồi chưa được lưu. Đây là câu hỏi hiện tại:
as-moved-unseen = Câu hỏi đã thay đổi: câu trả lời vừa rồi được gửi trước khi câu hỏi hiện tại hiện ra nên chưa được lưu. Đây là câu hỏi hiện tại:
as-text-too_short = Câu trả lời quá ngắn. Anh/Chị vui lòng viết rõ hơn.
as-account-no-sentence = Để chứng minh tiêu chí đã đạt, Anh/Chị vui lòng viết ít nhất một câu ngắn (từ {$min} ký tự) nêu kết quả cụ thể, ví dụ: "Hoàn thành 100% nhiệm vụ được giao, đúng thời hạn."
as-text-too_long = Câu trả lời dài quá 1000 ký tự. Anh/Chị vui lòng rút gọn.
as-decision-number-no_digit = Số quyết định cần có chữ số (ví dụ: 125/QĐ-STP).
as-decision-number-too_long = Số quyết định dài quá 60 ký tự.
as-initiative-name-too_short = Tên sáng kiến quá ngắn. Anh/Chị vui lòng ghi đúng tên sáng kiến, giải pháp.
as-initiative-name-too_long = Tên sáng kiến dài quá 300 ký tự. Anh/Chị vui lòng rút gọn.
as-decision-date-bad_format = Ngày cần viết theo dạng ngày/tháng/năm, ví dụ: 15/10/2026.
as-decision-date-no_such_date = Ngày này không có trong lịch. Anh/Chị vui lòng kiểm tra lại.
as-decision-date-in_future = Ngày ký không thể sau hôm nay.
as-files-expected = Anh/Chị gửi tệp minh chứng (tài liệu hoặc ảnh), hoặc bấm Xong.
as-file-wrong_type = Tệp này không đúng loại. Bot nhận PDF, DOC, DOCX, XLS, XLSX, JPG, PNG.
as-file-too_large = Tệp quá lớn: mỗi tệp tối đa 20 MB.
as-file-too-many = Đã đủ {$max} tệp cho tiêu chí này. Anh/Chị bấm Xong để tiếp tục.
av-heading = 📄 <b>{$whose}</b> (chỉ xem)
av-whose-person = Bản tự đánh giá của {$name}{$position}, {$unit}
av-whose-unit = Tự đánh giá tập thể của {$unit}
av-files-title = <b>Tệp minh chứng ({$count})</b>: bấm số để mở tệp.
av-file-line = {$number}. {$name} (tiêu chí {$criterion})
av-not-visible = Anh/Chị không xem được bản tự đánh giá này.
av-not-started = Chưa bắt đầu tự đánh giá năm {$year}.
av-none = Chưa có kỳ xét khen thưởng nào.
av-open-button = 📄 Bản tự đánh giá
as-summary-title = <b>{$subject ->
        [unit] Tự đánh giá tập thể: {$unit}
       *[other] Bản tự đánh giá
    } năm {$year}</b>
as-summary-areas = <b>Kết quả theo nội dung cải cách hành chính</b>
as-ev-rating = Xếp loại: {$level}
as-ev-initiative = Quyết định số {$number} ngày {$date} ({$council} công nhận)
as-ev-files = Tệp minh chứng: {$count}
as-ev-rating-pending = Xếp loại: ⏳ chờ kết quả xếp loại
as-ev-initiative-name = Sáng kiến: {$name}
as-verdict-all-met = ✅ Đạt tất cả các tiêu chí.
as-verdict-not-met = Tiêu chí chưa đạt hoặc chưa trả lời: số {$list}.
as-verdict-awaiting-rating = ⏳ Tiêu chí số {$list} chờ kết quả xếp loại: chưa tính là đạt. Khi có kết quả, Anh/Chị bấm «Sửa tiêu chí {$first}» (gửi /assess) để bổ sung trước hạn.
as-verdict-forms = Theo quy tắc Văn phòng Sở đặt, có thể xem xét đề nghị: {$forms}.
as-verdict-no-forms = Kết quả chưa đáp ứng quy tắc Văn phòng Sở đặt cho hình thức khen thưởng nào; đơn vị vẫn có thể đề nghị (cần nêu lý do nếu chưa đáp ứng tất cả các tiêu chí).
as-status-draft = Trạng thái: <b>chưa nộp</b>.
as-status-submitted = Trạng thái: <b>đã nộp</b> lúc {$at}.
as-status-open-until = Có thể sửa đến trước {$until}.
as-status-locked = Đã hết hạn sửa.
as-submit = 📨 Nộp bản tự đánh giá
as-done = Xong
as-stop = Để sau
as-edit-criterion = Sửa tiêu chí {$n}
as-edit-area = Sửa nội dung {$n}
as-submitted = Đã nộp. Cảm ơn Anh/Chị! Trước hạn, Anh/Chị vẫn có thể sửa bằng {$subject ->
        [unit] /unit
       *[other] /assess
    }; mọi thay đổi sau khi nộp đều được ghi lại.
as-submitted-again = Đã lưu. Bản tự đánh giá vẫn ở trạng thái đã nộp.
as-stopped = Đã dừng. Mọi câu trả lời đã được lưu; gửi {$command} để tiếp tục.
as-unavailable-not_registered = Anh/Chị chưa đăng ký. Vui lòng bấm liên kết mời của đơn vị mình trước.
as-unavailable-not_unit_head = Lệnh /unit chỉ dành cho trưởng đơn vị. Anh/Chị tự đánh giá cá nhân bằng /assess. Nếu Anh/Chị là trưởng đơn vị, vui lòng xin Văn phòng Sở liên kết mời dành cho trưởng đơn vị.
as-unavailable-no_open_round = Hiện chưa có kỳ xét khen thưởng nào đang mở. Khi Văn phòng Sở mở kỳ xét khen thưởng, Anh/Chị gửi lại /assess.
as-unavailable-round_closed = Kỳ xét khen thưởng năm {$year} đã đóng. Anh/Chị xem lại bản tự đánh giá bằng /myresult; nếu cần sửa, vui lòng liên hệ Văn phòng Sở.
as-unavailable-locked = Đã hết hạn ({$deadline}); bản tự đánh giá chỉ còn xem được (/myresult). Nếu cần sửa, vui lòng liên hệ Văn phòng Sở.
myresult-none = Anh/Chị chưa bắt đầu tự đánh giá năm {$year}. Gửi /assess để bắt đầu.
myresult-none-round_closed = Anh/Chị không có bản tự đánh giá năm {$year}: kỳ xét khen thưởng năm {$year} đã đóng nên không thể tự đánh giá nữa. Nếu cần, vui lòng liên hệ Văn phòng Sở.
myresult-none-deadline = Anh/Chị không có bản tự đánh giá năm {$year}: đã hết hạn tự đánh giá ({$deadline}) nên không thể bắt đầu nữa. Nếu đơn vị cần thêm thời gian, trưởng đơn vị đề nghị Văn phòng Sở gia hạn.
myresult-none-decided = Anh/Chị không có bản tự đánh giá năm {$year}; đề nghị khen thưởng Anh/Chị đã được xử lý (trạng thái: {$status}) nên không thể tự đánh giá nữa.
unit-panel =
    <b>{$unit}</b>, năm {$year}
    Tự đánh giá tập thể: {$own}
    Cá nhân đã nộp tự đánh giá: <b>{$submitted}/{$total}</b> · đang làm: {$inProgress} · chưa bắt đầu: {$notStarted}
unit-own-not_started = chưa bắt đầu
unit-own-in_progress = đang làm
unit-own-submitted = đã nộp
unit-assess-button = Tự đánh giá tập thể
unit-team-button = Tình hình tự đánh giá cá nhân
unit-team-header = <b>Tình hình tự đánh giá cá nhân, {$unit}</b> ({$total} người)
unit-team-submitted = <b>Đã nộp ({$count})</b>
unit-team-in_progress = <b>Đang làm ({$count})</b>
unit-team-not_started = <b>Chưa bắt đầu ({$count})</b>
reopen-usage = Cách dùng: /reopen &lt;mã đơn vị&gt; [số ngày, 1–{$max}, mặc định 3]
reopen-done = Đã gia hạn cho đơn vị {$unit} đến trước {$until} (kỳ xét khen thưởng năm {$year}). Trong thời gian này:
reopen-notice = Văn phòng Sở đã gia hạn cho đơn vị {$unit} đến trước {$until} (kỳ xét khen thưởng năm {$year}). Trong thời gian này:
reopen-open-people = • công chức, viên chức, người lao động của đơn vị được sửa và nộp bản tự đánh giá (/assess);
reopen-open-unit = • trưởng đơn vị được sửa và nộp tự đánh giá tập thể (/unit), đề nghị khen thưởng (/nominate) và hồ sơ đề nghị khen thưởng (/dossier).
reopen-open-unit-dossier-sent = • trưởng đơn vị được sửa và nộp tự đánh giá tập thể (/unit). Hồ sơ đề nghị khen thưởng của đơn vị đã nộp nên không mở lại; nếu cần sửa, Văn phòng Sở trả lại hồ sơ.
reopen-heads-told = Bot sẽ báo trưởng đơn vị.

## Nhắc hạn (/remind, /bind)
cmd-remind = Nhắc hạn: lịch, gửi ngay, nhật ký (Văn phòng)
help-remind =
    /remind: lịch nhắc hạn sắp tới, người không nhận được tin
    /remind now [mã]: gửi ngay nhắc nhở "còn thiếu gì" · /remind log: nhật ký đã gửi
help-bind = Thêm bot vào nhóm chat của đơn vị rồi gửi /bind trong nhóm để nhóm cũng nhận nhắc hạn (/unbind để bỏ).
rm-deadline-days-left = ⏰ <b>Hồ sơ đề nghị khen thưởng năm {$year}</b>: còn <b>{$days} ngày</b> (hạn: trước ngày {$deadline}).
rm-deadline-last-day = ⏰ <b>Hồ sơ đề nghị khen thưởng năm {$year}</b>: <b>hôm nay là ngày cuối</b> (hạn: trước ngày {$deadline}).
rm-deadline-overdue = ⚠️ <b>Hồ sơ đề nghị khen thưởng năm {$year}</b>: <b>đã quá hạn {$days} ngày</b> (hạn: trước ngày {$deadline}).
rm-unit-owes = <b>{$unit}</b> còn thiếu:
rm-owed-people = • {$missing}/{$total} người chưa nộp tự đánh giá
rm-and-more = … và {$count} người khác
rm-owed-unit-assessment = • Chưa nộp tự đánh giá tập thể của đơn vị
rm-owed-nominations = • Chưa đề nghị khen thưởng (nếu đơn vị không đề nghị ai, vẫn nộp hồ sơ để báo Văn phòng Sở)
rm-owed-document = • Thiếu: {$document}
rm-owed-document-of = • Thiếu: {$document} – {$nominee}
rm-owed-dossier = • Chưa nộp hồ sơ đề nghị khen thưởng
rm-owed-dossier-returned = • Hồ sơ bị Văn phòng Sở trả lại để sửa: {$reason}
rm-unit-footer-head = Bấm nút dưới đây để làm tự đánh giá tập thể hoặc xem tình hình tự đánh giá cá nhân.
rm-unit-footer-group = Mỗi người bấm nút dưới đây (hoặc gửi /assess trong chat riêng với bot) để tự đánh giá.
rm-unit-footer-overdue = Đã quá hạn nộp. Các việc còn thiếu chỉ làm được khi Văn phòng Sở gia hạn cho đơn vị (hồ sơ bị trả lại vẫn sửa và nộp lại được). Vui lòng liên hệ Văn phòng Sở.
rm-employee = Anh/Chị chưa nộp bản tự đánh giá. Bấm nút dưới đây (hoặc gửi /assess) để làm tiếp; các câu đã trả lời vẫn được giữ.
rm-employee-awaiting-rating = Bản tự đánh giá của Anh/Chị đã nộp nhưng tiêu chí {$n} còn <b>chờ kết quả xếp loại</b> năm {$year}. Khi có kết quả, Anh/Chị gửi /assess (hoặc bấm nút dưới đây), bấm «Sửa tiêu chí {$n}» để bổ sung trước hạn.
rm-open-assessment = Tự đánh giá
rm-digest-title = <b>Tổng hợp hồ sơ đề nghị khen thưởng</b>: {$dossiers}/{$total} đơn vị đã nộp hồ sơ; {$complete}/{$total} đơn vị đã hoàn thành mọi việc.
rm-digest-people = {$missing}/{$total} người chưa nộp tự đánh giá
rm-digest-unit-assessment = chưa nộp tự đánh giá tập thể
rm-digest-nominations = chưa đề nghị khen thưởng
rm-digest-documents = thiếu {$count} tài liệu hồ sơ
rm-digest-dossier = chưa nộp hồ sơ
rm-digest-dossier-returned = hồ sơ bị trả lại
rm-digest-complete = • {$unit}: đã hoàn thành
bind-head-only = Chỉ trưởng đơn vị hoặc Văn phòng Sở mới gắn được nhóm chat với đơn vị.
bind-held = Nhóm này đang gắn với <b>{$unit}</b> nên chưa gắn được với <b>{$own}</b>: mỗi nhóm chỉ nhận nhắc hạn của một đơn vị. Muốn đổi, trưởng đơn vị của <b>{$unit}</b> gửi /unbind trong nhóm này, hoặc Văn phòng Sở gửi /bind &lt;mã đơn vị&gt; tại đây.
bind-office-usage = Văn phòng Sở gắn nhóm này với một đơn vị bằng /bind &lt;mã đơn vị&gt; (xem các mã bằng /units trong chat riêng với bot).
unbind-none = Nhóm này chưa gắn với đơn vị nào.
unbind-held = Nhóm này đang gắn với <b>{$unit}</b>; chỉ trưởng đơn vị đó hoặc Văn phòng Sở mới bỏ gắn được.
bind-done = Đã gắn nhóm này với <b>{$unit}</b>: nhóm sẽ nhận nhắc hạn của đơn vị.
unbind-done = Đã bỏ gắn nhóm này với <b>{$unit}</b>.
bind-in-group = Lệnh này dùng trong nhóm chat của đơn vị: thêm bot vào nhóm rồi gửi /bind ở đó.
remind-header = <b>Nhắc hạn năm {$year}</b>: hiện {$owing}/{$total} đơn vị còn thiếu. Sắp tới:
remind-slot-unit = • {$at}: nhắc các đơn vị còn thiếu ({$overdue ->
        [yes] quá hạn
       *[other] trước hạn {$days} ngày
    })
remind-slot-employee = • {$at}: nhắc những người chưa nộp tự đánh giá (trước hạn {$days} ngày)
remind-slot-digest = • {$at}: tổng hợp gửi Văn phòng Sở
remind-none-upcoming = • Không còn lịch nhắc nào.
remind-no-head = {$count} đơn vị còn thiếu nhưng chưa có trưởng đơn vị trên bot nên không ai nhận nhắc: {$codes}. Tạo liên kết cho trưởng đơn vị bằng /invite &lt;mã&gt; head.
remind-unreachable-header = <b>Không gửi được cho {$count} người/nhóm</b> (chưa bấm Start hoặc đã chặn bot):
remind-unreachable-none = Mọi người nhận nhắc đều liên lạc được.
remind-group-of = nhóm của {$unit}
remind-person-id = người dùng Telegram {$id}
remind-usage = /remind now [mã đơn vị]: gửi ngay · /remind log: nhật ký
remind-now-nothing = Không đơn vị nào còn thiếu: không có gì để nhắc.
remind-now-sending = Đang gửi {$count} tin nhắc…
remind-now-done = Đã gửi {$sent}/{$total} tin nhắc.
remind-now-unreachable = Không gửi được cho {$count} người/nhóm (chưa bấm Start hoặc đã chặn bot):
remind-now-waiting = Đã gửi {$sent}/{$total} tin nhắc; {$pending} tin đang chờ vì Telegram yêu cầu tạm dừng đến {$until}; {$unreachable} người/nhóm không liên lạc được. Bot sẽ báo lại khi gửi xong.
remind-now-not-sent = {$count} tin không gửi được (lỗi kéo dài, hết hạn hoặc kỳ đã đóng): xem /remind log.
remind-repeats = {$count} tin có thể đã gửi lặp một lần (bot dừng đột ngột hoặc mất phản hồi của Telegram khi đang gửi).
remind-log-empty = Chưa gửi tin nhắc nào.
remind-log-header = <b>Nhật ký nhắc hạn</b> ({$count} tin gần nhất)
remind-log-sent = • {$at} ✅ {$kind} → {$to}
remind-log-unreachable = • {$at} 🚫 {$kind} → {$to}: không liên lạc được
remind-log-failed = • {$at} ❌ {$kind} → {$to}: {$error}
remind-log-superseded = • {$at} ⏭ {$kind} → {$to}: thay bằng tin mới hơn
remind-log-pending = • {$at} ⏳ {$kind} → {$to}
remind-kind-unit = nhắc đơn vị
remind-kind-group = nhắc nhóm
remind-kind-employee = nhắc cá nhân
remind-kind-digest = tổng hợp
remind-kind-notice = thông báo
# /export: the Office's data files (sheet names, column headers and the words in the cells)
ex-sheet-units = Tình hình đơn vị
ex-sheet-nominations = Đề nghị khen thưởng
ex-sheet-assessments = Tự đánh giá
ex-col-unit-code = Mã đơn vị
ex-col-unit-name = Tên đơn vị
ex-col-people-submitted = Số người đã nộp tự đánh giá
ex-col-people-total = Số người đã đăng ký trên bot
ex-col-unit-assessment = Tự đánh giá của tập thể
ex-col-form-collective = {$form} (tập thể)
ex-col-form-individual = {$form} (cá nhân)
ex-col-documents-uploaded = Số tài liệu đã tải lên
ex-col-documents-required = Số tài liệu phải nộp
ex-col-dossier = Hồ sơ đề nghị khen thưởng
ex-col-late = Quá hạn / nộp muộn
ex-col-nomination-id = Số đề nghị
ex-col-award-form = Hình thức khen thưởng
ex-col-nominee-kind = Tập thể/cá nhân
ex-col-nominee-name = Tên tập thể, cá nhân được đề nghị
ex-col-position = Chức vụ
ex-col-eligible = Đạt đủ tiêu chí (theo tự đánh giá)
ex-col-reason = Lý do đề nghị khi chưa đạt đủ tiêu chí
ex-col-result = Số tiêu chí đạt khi đề nghị
ex-col-status = Trạng thái
ex-col-last-change = Thời điểm thay đổi gần nhất
ex-col-current-reason = Lý do của trạng thái hiện tại
ex-col-decision-number = Số quyết định khen thưởng
ex-col-decision-date = Ngày quyết định
ex-col-decision-issuer = Cơ quan, người ban hành quyết định
ex-col-subject-name = Họ và tên / Tên đơn vị
ex-col-subject-kind = Đối tượng
ex-col-submitted-at = Thời điểm nộp
ex-col-evidence-files = Số tệp minh chứng
ex-col-criterion-met = {$code}: Đạt/Không đạt
ex-col-criterion-evidence = {$code}: Giải trình, minh chứng
ex-col-criterion-rating = {$code}: Xếp loại
ex-col-area = Lĩnh vực: {$area}
ex-kind-collective = Tập thể
ex-kind-individual = Cá nhân
ex-yes = Có
ex-no = Không
ex-met = Đạt
ex-not-met = Không đạt
ex-rating-pending = Chờ kết quả xếp loại
ex-skipped = (không nêu)
ex-initiative = Quyết định số {$number} ngày {$date} ({$council} công nhận)
ex-initiative-named = Sáng kiến: {$name}; {$decision}
ex-status-draft = Chưa nộp hồ sơ
ex-status-submitted = Chờ tiếp nhận
ex-status-returned = Bị trả lại để sửa, bổ sung
ex-status-rejected = Không được trình Hội đồng
ex-status-withdrawn = Đơn vị đã rút
ex-dossier-not_started = Chưa lập
ex-dossier-open = Đang chuẩn bị
ex-dossier-submitted = Đã nộp
ex-dossier-returned = Bị trả lại
ex-progress-not_started = Chưa bắt đầu
ex-progress-in_progress = Đang thực hiện
ex-progress-submitted = Đã nộp

## Nhắc hạn: hồ sơ khen thưởng
rm-and-more-documents = … và {$count} tài liệu khác
rm-unit-footer-head-buttons = Bấm nút dưới đây để {$open ->
        [all] làm tự đánh giá tập thể, mở hồ sơ đề nghị khen thưởng hoặc xem tình hình tự đánh giá cá nhân
        [dossier] mở hồ sơ đề nghị khen thưởng hoặc xem tình hình tự đánh giá cá nhân
       *[team] xem tình hình tự đánh giá cá nhân
    }.
rm-unit-footer-group-head = Các việc còn lại do trưởng đơn vị làm trong chat riêng với bot.
ds-open-button = 📁 Hồ sơ đề nghị khen thưởng

## Đề nghị khen thưởng, hồ sơ, lệnh của Văn phòng (/nominate, /dossier, /status, /pending, /nominations, /quota, /export)
cmd-nominate = Đề nghị khen thưởng tập thể, cá nhân
cmd-dossier = Hồ sơ đề nghị khen thưởng: tải tài liệu, nộp hồ sơ
cmd-nominations = Danh sách đề nghị khen thưởng
cmd-status = Tình hình hồ sơ đề nghị khen thưởng của các đơn vị
cmd-pending = Việc các đơn vị còn thiếu (Văn phòng)
cmd-quota = Số lượng khen thưởng (Văn phòng)
cmd-record = Ghi nhận Tờ trình, Quyết định khen thưởng (Văn phòng)
cmd-export = Xuất dữ liệu ra Excel, CSV (Văn phòng)
cmd-docs = Bản nháp văn bản: danh sách đề nghị khen thưởng (Văn phòng)
help-nominations = /nominations: các đề nghị khen thưởng liên quan đến Anh/Chị · /nominations &lt;số&gt;: mở một đề nghị
help-nominate =
    /nominate: đề nghị khen thưởng (tập thể đơn vị, cá nhân), rồi gửi luôn các tệp hồ sơ Bot nêu; /nominate &lt;tên&gt; để tìm người
    /dossier: tải Tờ trình, Báo cáo thành tích rồi nộp hồ sơ (📄 Bản nháp Tờ trình: bot lập sẵn bản nháp từ các đề nghị) · /status: tình hình của đơn vị
help-office-awards =
    <b>Khen thưởng</b>
    /status: tình hình mọi đơn vị · /status &lt;mã&gt;: một đơn vị, có tên từng người
    /pending: chỉ những việc còn thiếu · /quota: số lượng khen thưởng
    /nominations: tất cả đề nghị; bấm số để mở và xử lý · /nominations &lt;số&gt;: mở một đề nghị (vd: /nominations 12)
    /nominations &lt;hình thức&gt;: lọc theo hình thức khen thưởng: {$forms}
    /nominations &lt;tên&gt;: tìm theo tên người được đề nghị hoặc tên đơn vị (gõ không dấu cũng được)
    /dossier &lt;mã&gt;: hồ sơ của đơn vị, tải tệp, trả lại hồ sơ
    /nominate: đề nghị khen thưởng cho Ban Giám đốc, Văn phòng Sở (các đơn vị đặt bằng /units office), rồi nộp hồ sơ bằng /dossier &lt;mã&gt;
    /record: ghi nhận Quyết định khen thưởng, Tờ trình của Sở, kết quả của cấp trên cho nhiều đề nghị cùng lúc
    /export: tệp Excel (.xlsx) · /export csv: danh sách đề nghị (.csv)
    /docs: bản nháp văn bản (.docx): danh sách đề nghị khen thưởng, giấy tờ của phiên họp Hội đồng gần nhất, Quyết định tặng Giấy khen, Tờ trình của Sở gửi Ủy ban nhân dân tỉnh
page-of = {$page}/{$pages}
input-cancelled = Đã hủy, không có gì thay đổi.
input-dropped = { $action ->
        [nominate] Đã hủy việc đề nghị khen thưởng đang nhập lý do
        [record] Đã hủy việc ghi nhận Tờ trình, Quyết định khen thưởng
        [move-returned] Đã hủy việc trả lại đề nghị
        [move-rejected] Đã hủy việc không trình Hội đồng đề nghị
        [return-dossier] Đã hủy việc trả lại hồ sơ
        [upload] Đã hủy việc tải tài liệu lên
        [nominee-report] Đã hủy việc gửi Báo cáo thành tích
        [award] Đã hủy việc ghi quyết định khen thưởng
        [undo] Đã hủy việc hoàn tác
        [round-deadline] Đã hủy việc đặt hạn nộp và mở kỳ xét khen thưởng
        [council-tie] Đã hủy việc chọn khi bằng phiếu của Hội đồng
        [profile-details] Đã dừng hỏi thông tin cho Báo cáo thành tích (các câu trả lời trước đó đã được lưu), câu đang hỏi
       *[other] Đã hủy việc đang làm dở
    }; không có gì thay đổi.
input-reason-text = Vui lòng nhập lý do bằng chữ (hoặc gửi /cancel để hủy).
input-reason-short = Lý do quá ngắn. Vui lòng nêu rõ lý do (ít nhất 5 ký tự), hoặc gửi /cancel để hủy.
input-reason-long = Lý do dài hơn {$max} ký tự. Vui lòng viết gọn lại.
nm-no-round = Hiện chưa có kỳ xét khen thưởng nào đang mở.
nm-read-only-closed = Kỳ xét khen thưởng đã đóng; đề nghị và hồ sơ chỉ còn xem được.
nm-not-registered = Anh/Chị chưa đăng ký. Vui lòng bấm liên kết mời của đơn vị mình trước.
nm-only-head = Chỉ trưởng đơn vị mới được đề nghị khen thưởng và nộp hồ sơ của đơn vị. Nếu Anh/Chị là trưởng đơn vị, vui lòng xin Văn phòng Sở liên kết mời dành cho trưởng đơn vị.
nm-read-only-submitted = Hồ sơ của đơn vị đã nộp nên chỉ xem được. Nếu cần sửa, vui lòng liên hệ Văn phòng Sở để được trả lại hồ sơ.
nm-read-only-deadline = Đã hết hạn nộp hồ sơ; đề nghị và hồ sơ chỉ còn xem được. Nếu cần thêm thời gian, vui lòng liên hệ Văn phòng Sở.
nm-stale-button = Nút này không còn hiệu lực. Vui lòng mở lại bằng /nominate hoặc /dossier.
nm-not-in-unit = Người này không còn thuộc đơn vị của Anh/Chị.
nm-already = {$name} đã được đề nghị hình thức này trong kỳ xét khen thưởng.
nm-cannot-take-back = Đề nghị đã gửi Văn phòng Sở nên không rút lại được.
nm-home-title = 🏅 <b>Đề nghị khen thưởng năm {$year}</b> — {$unit}
nm-home-none = Đơn vị chưa đề nghị ai.
nm-home-pick-form = Chọn hình thức khen thưởng:
nm-quota = Số lượng khen thưởng: {$collective} tập thể, không quá {$individual} cá nhân.
nm-quota-unset = Số lượng khen thưởng: {$source}.
nm-form-title = <b>{$form}</b> — {$unit}
nm-form-help = Bấm vào tên để đề nghị; bấm lại tên có dấu ☑️ để bỏ đề nghị.
    ✅ đáp ứng tất cả các tiêu chí · ⚠️ chưa đáp ứng đủ · ⏳ đang tự đánh giá · ▫️ chưa tự đánh giá
    Đề nghị người chưa có dấu ✅ thì cần nêu lý do.
nm-form-others = Đã đề nghị ở hình thức khác: {$list}.
nm-form-dossier-complete = ✅ Hồ sơ đã đủ tệp: bấm «📁 Hồ sơ đề nghị khen thưởng» để xem lại và nộp.
nm-overview-button = 📋 Tổng hợp đề nghị
nm-collective-label = Tập thể {$name}
nm-result-submitted = {$mark} đáp ứng {$met}/{$total} tiêu chí
nm-result-in_progress = ⏳ đang tự đánh giá
nm-result-not_started = ▫️ chưa tự đánh giá
nm-back-button = ◀ Các hình thức
nm-more-button = ➕ Đề nghị thêm
nm-added-toast = Đã đề nghị {$name}.
nm-taken-back-toast = Đã bỏ đề nghị {$name}.
nm-ask-reason = <b>{$name}</b> chưa có kết quả tự đánh giá đáp ứng tất cả các tiêu chí ({$result}); hình thức đề nghị: <b>{$form}</b>.
    Nếu vẫn đề nghị, vui lòng gửi lý do trong một tin nhắn (Văn phòng Sở sẽ xem lý do này), hoặc gửi /cancel để hủy.
nm-added-with-reason = Đã đề nghị <b>{$name}</b> cho hình thức {$form}.
    Lý do: <i>{$reason}</i>
nm-search-found = Tìm thấy {$count} người có tên “{$query}”. Bấm một dòng để đề nghị người đó cho hình thức ghi trên dòng; bấm dòng có ☑️ để bỏ đề nghị.
nm-search-none = Không tìm thấy ai trong đơn vị có tên “{$query}”.
ds-title = 📁 <b>Hồ sơ đề nghị khen thưởng năm {$year}</b> — {$unit}
ds-state-open = Trạng thái: đang chuẩn bị, chưa nộp.
ds-state-submitted = Trạng thái: ✅ đã nộp lúc {$at}.
ds-state-submitted-late = Trạng thái: ✅ đã nộp lúc {$at} (sau hạn).
ds-state-returned = Trạng thái: ↩️ Văn phòng Sở trả lại hồ sơ để sửa, bổ sung. Lý do: <i>{$reason}</i>
ds-nominations = <b>Đề nghị khen thưởng ({$count})</b>
ds-no-nominations = Chưa có đề nghị nào. Bấm “➕ Đề nghị” (hoặc gửi /nominate) để đề nghị tập thể, cá nhân.
ds-no-nominations-office = Đơn vị không đề nghị ai.
ds-documents = <b>Tài liệu</b> (PDF, DOC hoặc DOCX; mỗi tệp tối đa {$size} MB)
ds-unnamed-file = tệp không tên
ds-read-only = Hồ sơ đã nộp nên chỉ còn xem được. Nếu cần sửa, vui lòng liên hệ Văn phòng Sở để được trả lại hồ sơ.
ds-missing = Còn thiếu {$count} tài liệu. Bấm nút 📎 của từng tài liệu rồi gửi tệp.
ds-ready = Đã đủ tài liệu. Bấm “📤 Nộp hồ sơ” để gửi Văn phòng Sở; bấm 🔁 nếu cần thay tệp.
ds-ready-empty = Nếu năm nay đơn vị không đề nghị ai, vui lòng bấm “📤 Nộp hồ sơ” để báo Văn phòng Sở.
ds-nominate-button = ➕ Đề nghị
ds-submit-button = 📤 Nộp hồ sơ
ds-return-button = ↩️ Trả lại hồ sơ
ds-ask-file = Vui lòng gửi tệp <b>{$document}</b> của đơn vị (PDF, DOC hoặc DOCX, tối đa {$size} MB), hoặc gửi /cancel để hủy.
ds-ask-file-of = Vui lòng gửi tệp <b>{$document}</b> của <b>{$nominee}</b> (PDF, DOC hoặc DOCX, tối đa {$size} MB).{$note}
    Gửi /cancel để hủy.
ds-upload-expected = Vui lòng gửi tài liệu dưới dạng tệp (PDF, DOC hoặc DOCX), hoặc gửi /cancel để hủy.
ds-upload-photo = Hồ sơ không nhận ảnh chụp. Vui lòng gửi tệp PDF, DOC hoặc DOCX (bấm 📎 rồi chọn Tệp).
ds-upload-wrong_type = Tệp này không phải PDF, DOC hoặc DOCX. Vui lòng gửi lại đúng định dạng.
ds-upload-too_large = Tệp lớn hơn {$size} MB. Vui lòng nén hoặc tách nhỏ rồi gửi lại.
ds-uploaded = ✅ Đã nhận tệp (bản {$version}); các bản trước vẫn được lưu.
ds-first-file = 📎 Anh/Chị gửi luôn tệp <b>{$document}</b> vào đây (PDF, DOC hoặc DOCX, tối đa {$size} MB), hoặc bấm nút của tài liệu khác.
ds-which-document = 📎 Tệp <b>{$name}</b> là tài liệu nào của hồ sơ đề nghị khen thưởng? Bấm để lưu vào hồ sơ.
ds-offer-file = 📎 Gửi tệp <b>{$document}</b> vào đây để đưa vào hồ sơ (PDF, DOC hoặc DOCX, tối đa {$size} MB).
ds-offer-not-file = Ở đây Bot chỉ nhận tệp cho hồ sơ (PDF, DOC hoặc DOCX). Anh/Chị vui lòng bấm một nút trên màn hình; để tìm người theo tên, gửi /nominate &lt;tên&gt;.
ds-offer-not-taken = Tệp này chưa được lưu: tài liệu Bot vừa nêu đã có tệp, hoặc tên tệp cho thấy đây là tài liệu khác. Anh/Chị mở hồ sơ và bấm 📎 của đúng tài liệu rồi gửi lại tệp.
ds-next-file = 📎 Tiếp theo, Anh/Chị gửi luôn tệp <b>{$document}</b> (PDF, DOC hoặc DOCX, tối đa {$size} MB), hoặc bấm nút của tài liệu khác bên dưới.
ds-all-in = Hồ sơ đã đủ tài liệu. Bấm “📤 Nộp hồ sơ” để gửi ngay Văn phòng Sở; sau khi nộp, hồ sơ chỉ còn xem được, trừ khi Văn phòng Sở trả lại để sửa.
ds-missing-first = Hồ sơ còn thiếu {$count} tài liệu; vui lòng tải đủ trước khi nộp.
ds-confirm = Nộp hồ sơ đề nghị khen thưởng gồm {$count} đề nghị cho Văn phòng Sở? Sau khi nộp, hồ sơ chỉ còn xem được, trừ khi Văn phòng Sở trả lại để sửa.
ds-confirm-empty = Nộp hồ sơ để báo Văn phòng Sở: năm nay <b>đơn vị không đề nghị khen thưởng</b>?
ds-confirm-button = ✅ Nộp hồ sơ
ds-not-yet-button = ◀ Quay lại
ds-submitted-toast = Đã nộp hồ sơ.
ds-already-submitted = Hồ sơ đã được nộp trước đó.
ds-not-submitted = Hồ sơ của đơn vị này chưa nộp (hoặc đã được trả lại).
ds-file-not-yours = Anh/Chị không có quyền lấy tệp này.
ds-office-usage = Cách dùng: /dossier &lt;mã đơn vị&gt;. Xem mã bằng /units.
ds-ask-return-reason = Trả lại hồ sơ của <b>{$unit}</b>. Vui lòng nêu lý do (trưởng đơn vị sẽ nhận được), hoặc gửi /cancel để hủy.
ds-notice-returned = ↩️ Văn phòng Sở trả lại hồ sơ đề nghị khen thưởng năm {$year} của đơn vị để sửa, bổ sung.
    Lý do: <i>{$reason}</i>
    Anh/Chị vui lòng sửa, bổ sung rồi nộp lại bằng /dossier.
nm-head-told = Bot sẽ báo trưởng đơn vị (và người được đề nghị, nếu có trên bot).
nm-head-not-told = ⚠️ Bot không gửi được tin cho trưởng đơn vị (chưa bấm Start, đã chặn bot, hoặc đơn vị chưa có trưởng đơn vị trên bot); vui lòng báo trực tiếp.
nm-status-draft = chưa nộp hồ sơ
nm-status-submitted = chờ Văn phòng Sở tiếp nhận
nm-status-returned = bị trả lại để sửa, bổ sung
nm-status-rejected = không được trình Hội đồng
nm-status-withdrawn = đơn vị đã rút
nm-move-returned = ↩️ Trả lại
nm-move-rejected = ✖️ Không trình
nm-ask-reason-returned = Trả lại đề nghị <b>{$nominee}</b> để đơn vị sửa, bổ sung. Vui lòng nêu lý do (trưởng đơn vị sẽ nhận được), hoặc gửi /cancel để hủy.
nm-ask-reason-rejected = Không trình Hội đồng đề nghị khen thưởng <b>{$nominee}</b>. Vui lòng nêu lý do (trưởng đơn vị sẽ nhận được), hoặc gửi /cancel để hủy.
nm-notice-returned = ↩️ Văn phòng Sở trả lại đề nghị <b>{$nominee}</b> ({$form}) để sửa, bổ sung.
    Lý do: <i>{$reason}</i>
    Anh/Chị vui lòng sửa, bổ sung (thay tệp bằng nút 🔁 trong /dossier) rồi nộp lại hồ sơ.
nm-notice-rejected = ✖️ Văn phòng Sở không trình Hội đồng Thi đua - Khen thưởng đề nghị khen thưởng <b>{$nominee}</b> ({$form}).
    Lý do: <i>{$reason}</i>
nm-moved-toast = Đã cập nhật trạng thái: {$status}.
nm-move-not-allowed = Đề nghị đã được chuyển bước khác; vui lòng mở lại để xem.
nm-over-quota-collective = Không trình được: hình thức {$form} đã đủ số lượng khen thưởng ({$quota} tập thể).
nm-over-quota-individual = Không trình được: hình thức {$form} đã đủ số lượng khen thưởng ({$quota} cá nhân).
nm-not-visible = Anh/Chị không xem được đề nghị này.
nm-card-title = 🏅 <b>Đề nghị #{$id}</b>: {$nominee}
nm-card-unit = Đơn vị: <code>{$code}</code> {$unit}
nm-card-form = Hình thức: {$form}
nm-card-result = Kết quả tự đánh giá khi đề nghị: {$result}
nm-card-reason = Lý do đề nghị khi chưa đạt đủ tiêu chí: <i>{$reason}</i>
nm-card-status = Trạng thái: <b>{$status}</b>
nm-card-history = <b>Lịch sử</b>
nm-history-why = lý do: <i>{$reason}</i>
nm-by-employee = công chức, viên chức, người lao động
nm-by-unit_head = trưởng đơn vị
nm-by-office = Văn phòng Sở
nm-report-button = 📄 Báo cáo thành tích
nm-unit-dossier-button = 📁 Hồ sơ đề nghị khen thưởng
nl-guest = Anh/Chị chưa đăng ký nên chưa xem được đề nghị khen thưởng.
nl-header = 🏅 <b>Đề nghị khen thưởng năm {$year}</b>{$filter}: {$count}
nl-header-unit = 🏅 <b>Đề nghị khen thưởng của đơn vị năm {$year}</b>{$filter}: {$count}
nl-header-own = 🏅 <b>Đề nghị khen thưởng của Anh/Chị năm {$year}</b>{$filter}: {$count}
nl-none = Chưa có đề nghị nào.
nl-footer = ⚠️: chưa đạt đủ tiêu chí, đơn vị đã nêu lý do. Bấm nút có số tương ứng để xem chi tiết.
nl-header-step = 🏅 <b>Đề nghị khen thưởng năm {$year}</b> đang <b>{$status}</b>{$filter}: {$count}
nl-step-none = Không còn đề nghị nào ở bước này.
nl-step-footer = Bấm vào tên để đánh dấu ☑️ (hoặc “Chọn tất cả”), rồi bấm nút chuyển bước bên dưới; bấm › để xem chi tiết một đề nghị.
nl-step-button = ☑️ Xử lý nhiều: {$status} ({$count})
nl-tick-all = ☑️ Chọn tất cả
nl-tick-none = ☐ Bỏ chọn
nl-all-steps = ◀ Mọi bước
nl-back-button = ◀ Danh sách
nl-next-button = ▶ Tiếp
nl-next-none = Không còn đề nghị nào đang “{$status}”.
nb-none-ticked = Chưa chọn đề nghị nào: bấm vào tên để đánh dấu ☑️, hoặc bấm “Chọn tất cả”.
nb-gone = #{$id}: đề nghị không còn.
nb-moved-meanwhile = {$who}: đã được chuyển sang “{$status}” trước đó, không chuyển lại.
nb-summary = ✅ Đã chuyển {$moved}/{$total} đề nghị sang “{$status}”:
nb-refused = ⛔ Không chuyển được ({$count}):
nb-skipped = ⏭ Bỏ qua ({$count}):
nb-open-next = ▶ Mở danh sách “{$status}”
st-private-only = Lệnh này chỉ dùng trong chat riêng với bot, để không lộ thông tin trong nhóm.
st-employee = Lệnh /status dành cho trưởng đơn vị và Văn phòng Sở. Anh/Chị xem bản tự đánh giá của mình bằng /myresult, đề nghị khen thưởng của mình bằng /nominations.
st-guest = Anh/Chị chưa đăng ký. Vui lòng bấm liên kết mời của đơn vị mình trước.
st-own-unit-only = Anh/Chị chỉ xem được tình hình đơn vị của mình (gửi /status).
st-unknown-unit = Không có đơn vị mã <code>{$code}</code>. Xem các mã bằng /units.
st-unit-archived = Đơn vị <code>{$code}</code> đã được lưu trữ.
st-header =
    📊 <b>Tình hình hồ sơ đề nghị khen thưởng năm {$year}</b>
    Hồ sơ đề nghị khen thưởng đã nộp: <b>{$dossiers}/{$total}</b> đơn vị
    Tự đánh giá cá nhân đã nộp: <b>{$people}/{$peopleTotal}</b>
    Đơn vị đã xong mọi việc: <b>{$complete}/{$total}</b>
st-unit-header = 📊 <b>Tình hình hồ sơ đề nghị khen thưởng năm {$year}</b>
st-footer = Xem chi tiết một đơn vị: /status &lt;mã&gt; · chỉ phần còn thiếu: /pending
st-no-units = Chưa có đơn vị nào.
st-line-assessments = Cá nhân tự đánh giá: {$submitted}/{$total} đã nộp · Tự đánh giá tập thể: {$own}
st-line-nominations = Đề nghị: {$nominations}
st-line-dossier = Tài liệu: {$uploaded}/{$required} · Hồ sơ: {$dossier}
st-form-count = {$form}: {$collective} tập thể, {$individual} cá nhân
st-no-nominations = chưa có
st-own-not_started = chưa bắt đầu
st-own-in_progress = đang thực hiện
st-own-submitted = đã nộp
st-dossier-not_started = chưa nộp
st-dossier-open = đang chuẩn bị
st-dossier-submitted = đã nộp
st-dossier-returned = bị trả lại
st-late-submitted = nộp muộn
st-overdue = quá hạn
st-unit-assessment-open = Xem tự đánh giá tập thể: {$command}
st-people-title = <b>Cá nhân tự đánh giá</b>: {$submitted}/{$total} đã nộp
st-people-submitted = Đã nộp ({$count})
st-people-in_progress = Đang thực hiện ({$count})
st-people-not_started = Chưa bắt đầu ({$count})
st-nominations-title = <b>Đề nghị</b> ({$count})
st-missing-title = <b>Việc còn thiếu</b>
st-kind-collective = Tập thể
st-kind-individual = Cá nhân
pd-header = 📋 <b>Việc còn thiếu, năm {$year}</b>: {$count}/{$total} đơn vị chưa hoàn thành
pd-nothing = Tất cả đơn vị đã hoàn thành: đủ tự đánh giá và đã nộp hồ sơ.
pd-people = {$missing}/{$total} người chưa nộp tự đánh giá: {$names}
pd-unit-assessment = chưa nộp tự đánh giá tập thể ({$progress})
pd-nominations = chưa đề nghị khen thưởng
pd-document = thiếu {$document}
pd-document-of = thiếu {$document} – {$nominee}
pd-dossier = chưa nộp hồ sơ
pd-dossier-returned = hồ sơ bị trả lại để sửa: {$reason}
qt-header = 🎯 <b>Số lượng khen thưởng năm {$year}</b>
qt-line = {$kind}: {$used}/{$quota} tính từ bước “{$from}” · {$waiting} đang xét, chưa đến bước này
qt-line-no-quota = {$kind}: {$used} tính từ bước “{$from}” · {$waiting} đang xét, chưa đến bước này
qt-footer = Số lượng khen thưởng của mỗi hình thức tính từ bước ghi ở dòng của nó (theo quy trình của hình thức đó) trở đi. ⛔ = vượt số lượng khen thưởng.
ex-usage = Cách dùng: /export (tệp Excel .xlsx) hoặc /export csv (danh sách đề nghị .csv).
ex-caption-xlsx = Hồ sơ đề nghị khen thưởng năm {$year}: tình hình đơn vị, đề nghị khen thưởng, tự đánh giá.
ex-caption-csv = Danh sách đề nghị khen thưởng năm {$year}.
ds-notice-submitted = 📥 <b>{$unit}</b> (<code>{$code}</code>) đã nộp hồ sơ đề nghị khen thưởng năm {$year}{$count ->
    [0] , báo không đề nghị khen thưởng ai
   *[other] , gồm {$count} đề nghị
    }. Xem: /dossier {$code}
ds-notice-submitted-late = 📥 <b>{$unit}</b> (<code>{$code}</code>) đã nộp hồ sơ đề nghị khen thưởng năm {$year} sau hạn{$count ->
    [0] , báo không đề nghị khen thưởng ai
   *[other] , gồm {$count} đề nghị
    }. Xem: /dossier {$code}
nm-history-proposed = lập đề nghị
ds-ready-returned = Vui lòng sửa, bổ sung theo lý do trên (bấm 🔁 để thay tệp), rồi bấm “📤 Nộp hồ sơ” để nộp lại.
nm-card-next-returned = Vui lòng sửa, bổ sung theo lý do trên rồi nộp lại hồ sơ bằng /dossier.
ds-deadline-day = Hạn nộp: trước ngày {$date}.
ds-deadline-time = Hạn nộp: trước {$time} ngày {$date}.
nm-unit-archived = Đơn vị của Anh/Chị đã được lưu trữ nên không đề nghị, nộp hồ sơ được nữa. Nếu có nhầm lẫn, vui lòng liên hệ Văn phòng Sở.
nm-corrections-only = Đã hết hạn nộp hồ sơ: Anh/Chị chỉ sửa, bổ sung được những gì Văn phòng Sở yêu cầu (thay tệp, rút đề nghị bị trả lại) rồi nộp lại; không đề nghị thêm được.
nm-left-unit = đã chuyển đơn vị
nm-closed-nomination = Đề nghị này đã kết thúc (không được trình, Hội đồng không thông qua, cấp trên không khen thưởng, hoặc đơn vị đã rút); không rút hay đề nghị lại được trong kỳ xét khen thưởng này.
nm-search-more = Chỉ hiện {$shown} người đầu; vui lòng gõ thêm tên để tìm chính xác hơn.
ds-already-returned = Hồ sơ này đã được trả lại trước đó; lý do vừa nhập không được gửi thêm.
ds-and-more = … và {$count} đề nghị khác

## Hồ sơ khen thưởng là hồ sơ của Sở: phiên bản tệp, quyết định, thông báo, xóa dữ liệu
nm-result-consider = có thể xem xét đề nghị
nm-result-awaiting-rating = ⏳ chờ kết quả xếp loại
nm-decision = Quyết định số {$number} ngày {$date} của {$issuer}
nm-card-decision = Quyết định khen thưởng: {$decision}
nm-card-nominee-left = <i>Người được đề nghị đã xóa dữ liệu cá nhân khỏi bot; đề nghị được giữ làm hồ sơ của Sở.</i>
nm-history-undo = hoàn tác:
nm-locked-awarded = Đề nghị này đã được khen thưởng; đây là hồ sơ của Sở nên đơn vị không rút được.
ds-locked-awarded = Không thay được tệp của {$nominee}: đề nghị đã được khen thưởng, hồ sơ là hồ sơ lưu của Sở.
ds-locked-rejected = Không thay được tệp của {$nominee}: Văn phòng Sở đã quyết định không trình Hội đồng Thi đua - Khen thưởng đề nghị này.
ds-locked-with-office = Không thay được tệp của {$nominee}: Văn phòng Sở đang giữ đề nghị này để thẩm định; chỉ những đề nghị bị trả lại mới sửa được.
ds-locked-legend = 🔒 Văn phòng Sở đang thẩm định hoặc đã quyết định: tệp giữ nguyên như khi nộp.
ds-versions-title = <b>Các bản đã tải lên ({$count})</b>, mới nhất trước:
ds-version-current = • <b>Bản {$version}</b> (đang dùng): <i>{$name}</i> — {$by}, {$at}
ds-version = • Bản {$version}: <i>{$name}</i> — {$by}, {$at}
ds-back-button = ◀ Hồ sơ
ds-reuse-offer = Người này còn được đề nghị khen thưởng theo hình thức khác và chưa có Báo cáo thành tích cho hình thức đó. Anh/Chị có muốn dùng luôn tệp vừa gửi không?
ds-reuse-button = 📎 Dùng tệp này cho {$form}
ds-reused-toast = Đã dùng tệp cho hình thức kia.
ds-reuse-done = Hình thức kia đã có tệp, hoặc không còn sửa được.
ds-mine-notice = 📎 Anh/Chị được đề nghị <b>{$form}</b>. Anh/Chị có thể tự gửi <b>Báo cáo thành tích</b> của mình vào hồ sơ của đơn vị: bấm “📎 Gửi Báo cáo thành tích” rồi gửi tệp (PDF, DOC hoặc DOCX, tối đa {$size} MB). Trưởng đơn vị sẽ nhận được và có thể giữ hoặc thay bằng tệp khác. Bấm “📄 Bản nháp” để nhận bản nháp bot soạn sẵn.
ds-mine-button = 📎 Gửi Báo cáo thành tích
ds-mine-ask = Vui lòng gửi tệp <b>Báo cáo thành tích</b> của Anh/Chị (đề nghị <b>{$form}</b>): PDF, DOC hoặc DOCX, tối đa {$size} MB, hoặc gửi /cancel để hủy.{$current}
ds-mine-current = Hồ sơ đang có bản {$version}: <i>{$name}</i>; tệp Anh/Chị gửi sẽ là bản mới, bản cũ vẫn được lưu.
ds-mine-uploaded = ✅ Đã nhận Báo cáo thành tích (bản {$version}) vào hồ sơ của đơn vị; { $to ->
        [office] Văn phòng Sở
       *[head] trưởng đơn vị
    } đã được báo. Anh/Chị có thể gửi lại tệp khác cho đến khi đơn vị nộp hồ sơ.
ds-mine-again-button = 🔁 Gửi lại tệp khác
ds-mine-not-yours = Nút này dành cho chính người được đề nghị khen thưởng; Anh/Chị không gửi được Báo cáo thành tích thay người khác.
ds-mine-gone = Đề nghị khen thưởng này không còn (đơn vị đã rút), nên không cần gửi Báo cáo thành tích cho đề nghị này.
ds-mine-submitted = Đơn vị đã nộp hồ sơ cho Văn phòng Sở nên Báo cáo thành tích không thay được nữa. Nếu cần sửa, vui lòng báo trưởng đơn vị.
ds-mine-closed = Kỳ xét khen thưởng của đề nghị này đã đóng; Báo cáo thành tích không thay được nữa.
ds-mine-deadline = Đã hết hạn nộp hồ sơ nên Báo cáo thành tích không thay được nữa. Nếu cần, vui lòng báo trưởng đơn vị.
ds-mine-arrived = 📥 <b>{$name}</b> đã gửi Báo cáo thành tích ({$form}): <i>{$file}</i>, bản {$version}. Tệp đã vào hồ sơ; bấm “✅ Giữ bản này”, hoặc “🔁 Thay bằng tệp khác” để gửi tệp của đơn vị.
ds-keep-button = ✅ Giữ bản này
ds-replace-button = 🔁 Thay bằng tệp khác
ds-kept-toast = Đã giữ Báo cáo thành tích này trong hồ sơ.
ds-kept-superseded = Báo cáo thành tích này đã được thay bằng bản mới hơn; hồ sơ dùng bản mới nhất.
ds-by-nominee = do người được đề nghị gửi
ds-file-caption = 📎 {$document}{$nominee} · {$unit} · bản {$version}, tải lên lúc {$at}
ds-notice-resubmitted = 📥 <b>{$unit}</b> (<code>{$code}</code>) đã <b>nộp lại</b> hồ sơ đề nghị khen thưởng năm {$year} (lần {$number}), gồm {$count} đề nghị. Xem: /dossier {$code}
ds-notice-resubmitted-late = 📥 <b>{$unit}</b> (<code>{$code}</code>) đã <b>nộp lại</b> hồ sơ đề nghị khen thưởng năm {$year} (lần {$number}, lần nộp đầu sau hạn), gồm {$count} đề nghị. Xem: /dossier {$code}
ds-changes-title = Thay đổi so với lần nộp trước:
ds-changes-none = Không có thay đổi nào so với lần nộp trước.
ds-change-added = ➕ Đề nghị mới: {$nominee}
ds-change-withdrawn = ➖ Đơn vị đã rút: {$nominee}
ds-change-corrected = ✏️ Đã sửa, bổ sung theo yêu cầu: {$nominee}
ds-change-replaced = 🔁 {$document}: thay «{$old}» bằng «{$new}»
ds-change-replaced-of = 🔁 {$document} của {$nominee}: thay «{$old}» bằng «{$new}»
ds-change-more = … và {$count} thay đổi khác (xem /dossier)
nt-submitted = 📤 Đề nghị khen thưởng <b>{$nominee}</b> ({$form}) đã được đơn vị gửi Văn phòng Sở.
nt-returned = ↩️ Văn phòng Sở trả lại đề nghị khen thưởng <b>{$nominee}</b> ({$form}) để sửa, bổ sung.
    Lý do: <i>{$reason}</i>
    Trưởng đơn vị sửa, bổ sung (thay tệp bằng nút 🔁 trong /dossier) rồi nộp lại hồ sơ.
nt-awarded = 🏅 <b>{$nominee}</b> đã được khen thưởng: {$form}.
    {$decision}.
nt-rejected = ✖️ Văn phòng Sở không trình Hội đồng Thi đua - Khen thưởng đề nghị khen thưởng <b>{$nominee}</b> ({$form}).
    Lý do: <i>{$reason}</i>
nt-undone = ↩️ Văn phòng Sở điều chỉnh đề nghị khen thưởng <b>{$nominee}</b> ({$form}): trở lại bước “{$status}”.
    Lý do: <i>{$reason}</i>
nm-award-needs-decision = Ghi nhận khen thưởng cần số, ngày và cơ quan ban hành quyết định: vui lòng bấm nút ghi nhận Quyết định khen thưởng trên đề nghị.
nm-award-incomplete = Chưa đủ thông tin quyết định (số, ngày, cơ quan ban hành). Vui lòng bấm lại “🏅 Ghi nhận đã khen”.
nm-round-closed = Kỳ xét khen thưởng của đề nghị này đã đóng; không thay đổi được nữa.
nm-already-awarded = Đề nghị này đã được {$by} ghi nhận khen thưởng lúc {$at} ({$decision}); không ghi thêm quyết định khác.
nm-undo-stale = Đề nghị đã được chuyển bước khác sau đó; vui lòng mở lại để xem.
nm-undo-not-allowed = Bước này không hoàn tác được.
nm-undo-button = ↩️ Hoàn tác “{$status}”
nm-ask-reason-undo = Hoàn tác bước “{$status}” của đề nghị <b>{$nominee}</b>. Vui lòng nêu lý do (được ghi vào lịch sử và gửi trưởng đơn vị), hoặc gửi /cancel để hủy.
nm-undone = ↩️ Đã hoàn tác; bước hoàn tác được ghi vào lịch sử.
aw-ask-number = 🏅 Ghi nhận khen thưởng cho <b>{$nominee}</b> ({$form}).
    Vui lòng gửi <b>số, ký hiệu quyết định</b>, ví dụ: 125/QĐ-STP (hoặc /cancel để hủy).
aw-ask-number-again = Vui lòng gửi số, ký hiệu quyết định bằng chữ, ví dụ: 125/QĐ-STP.
aw-bad-number = Số quyết định chưa đúng dạng. Vui lòng gửi theo dạng <b>số/QĐ-ký hiệu cơ quan</b>, ví dụ: 125/QĐ-STP hoặc 1234/QĐ-TTg.
aw-ask-date = Vui lòng gửi <b>ngày ký quyết định</b> (ngày/tháng/năm), ví dụ: 15/01/2027.
aw-ask-date-again = Vui lòng gửi ngày ký quyết định bằng chữ, ví dụ: 15/01/2027.
aw-bad-date-format = Ngày chưa đúng dạng. Vui lòng gửi theo dạng ngày/tháng/năm, ví dụ: 15/01/2027.
aw-bad-date-not_a_date = Không có ngày này trên lịch. Vui lòng kiểm tra lại ngày ký quyết định.
aw-bad-date-future = Ngày ký quyết định không thể sau hôm nay. Vui lòng kiểm tra lại.
aw-bad-date-before_round = Quyết định khen thưởng của kỳ xét khen thưởng năm {$year} không thể ký trước năm {$year}. Vui lòng kiểm tra lại.
aw-ask-issuer = Vui lòng gửi <b>cơ quan, người ban hành quyết định</b> (bấm nút bên dưới nếu đúng).
aw-ask-issuer-again = Vui lòng gửi tên cơ quan, người ban hành quyết định bằng chữ.
aw-bad-issuer = Tên cơ quan, người ban hành phải có từ 3 đến {$max} ký tự. Vui lòng gửi lại.
aw-issuer-noted = Đã ghi cơ quan ban hành.
aw-confirm = Vui lòng kiểm tra trước khi ghi nhận:
    🏅 <b>{$nominee}</b> — {$form}
    {$decision}
    Sau khi ghi nhận, trưởng đơn vị và người được khen thưởng sẽ nhận được thông báo.
aw-confirm-button = ✅ Ghi nhận khen thưởng
aw-drop-button = ✖️ Hủy, không ghi
aw-dropped = Đã hủy; chưa ghi nhận gì.
aw-recorded-toast = Đã ghi nhận khen thưởng.

## /record: the Office records the route beyond the Council (rr-)
rr-home = 🗂 <b>Ghi nhận Tờ trình, Quyết định khen thưởng · kỳ xét khen thưởng năm {$year}</b>
rr-home-line = • {$action}: {$count} đề nghị đang ở bước “{$from}”
rr-home-help = Bấm một việc để xem danh sách (đã chọn tất cả; bấm vào tên để bỏ chọn), rồi nhập số, ngày văn bản.
rr-nothing = Kỳ xét khen thưởng năm {$year} hiện không có đề nghị nào chờ ghi nhận Tờ trình, Quyết định khen thưởng (các đề nghị cần được Hội đồng Thi đua - Khen thưởng thông qua trước).
rr-nothing-here = Không còn đề nghị nào ở bước này; không có gì để ghi nhận.
rr-decline-action = ✖️ Ghi nhận cấp có thẩm quyền không khen thưởng
rr-checklist-title = <b>{$form}</b> · {$action}
    Các đề nghị đang ở bước “{$from}”.
rr-checklist-help = Đã chọn {$ticked}/{$total} đề nghị. Bấm vào tên để bỏ chọn hoặc chọn lại, rồi bấm “Tiếp tục”.
rr-go-button = ➡️ Tiếp tục ({$count})
rr-drop-button = ✖️ Hủy, không ghi
rr-dropped = Đã hủy; chưa ghi nhận gì.
rr-no-draft = Danh sách này không còn hiệu lực. Vui lòng gửi /record để bắt đầu lại.
rr-none-ticked = Chưa chọn đề nghị nào. Vui lòng chọn ít nhất một đề nghị.
rr-incomplete = Chưa đủ thông tin (số, ngày văn bản hoặc lý do). Vui lòng gửi /record để bắt đầu lại.
rr-ask-number-propose = Vui lòng gửi <b>số, ký hiệu Tờ trình</b> ({$count} đề nghị), ví dụ: 15/TTr-STP.
rr-ask-number-decide = Vui lòng gửi <b>số, ký hiệu Quyết định khen thưởng</b> ({$count} đề nghị), ví dụ: 125/QĐ-STP.
rr-ask-reason = Vui lòng gửi <b>lý do</b> cấp có thẩm quyền không khen thưởng ({$count} đề nghị).
rr-ask-number-again = Vui lòng gửi số, ký hiệu văn bản bằng chữ (hoặc /cancel để hủy).
rr-ask-date-again = Vui lòng gửi ngày ký văn bản bằng chữ, ví dụ: 15/01/2027 (hoặc /cancel để hủy).
rr-ask-reason-again = Vui lòng gửi lý do bằng chữ (hoặc /cancel để hủy).
rr-bad-number-propose = Số Tờ trình chưa đúng dạng. Vui lòng gửi theo dạng <b>số/TTr-ký hiệu cơ quan</b>, ví dụ: 15/TTr-STP hoặc 45/TTr-UBND. Chưa có gì thay đổi.
rr-bad-number-decide = Số quyết định chưa đúng dạng. Vui lòng gửi theo dạng <b>số/QĐ-ký hiệu cơ quan</b>, ví dụ: 125/QĐ-STP hoặc 1234/QĐ-TTg. Chưa có gì thay đổi.
rr-ask-date-propose = Vui lòng gửi <b>ngày ký Tờ trình</b> (ngày/tháng/năm), ví dụ: 10/01/2027.
rr-ask-date-decide = Vui lòng gửi <b>ngày ký quyết định</b> (ngày/tháng/năm), ví dụ: 15/01/2027.
rr-bad-date-format = Ngày chưa đúng dạng. Vui lòng gửi theo dạng ngày/tháng/năm, ví dụ: 15/01/2027. Chưa có gì thay đổi.
rr-bad-date-not_a_date = Không có ngày này trên lịch. Vui lòng kiểm tra lại. Chưa có gì thay đổi.
rr-bad-date-future = Ngày ký văn bản không thể sau hôm nay. Vui lòng kiểm tra lại. Chưa có gì thay đổi.
rr-bad-date-before_round = Văn bản của kỳ xét khen thưởng năm {$year} không thể ký trước năm {$year}. Vui lòng kiểm tra lại. Chưa có gì thay đổi.
rr-bad-reason = Lý do phải có từ {$min} đến {$max} ký tự. Vui lòng gửi lại.
rr-confirm-propose = Tờ trình số <b>{$number}</b> ngày {$date}, gửi {$party}.
rr-confirm-decide = Quyết định số <b>{$number}</b> ngày {$date} của {$party}.
rr-confirm-reason = Lý do không khen thưởng: {$reason}
rr-confirm-list = Vui lòng kiểm tra trước khi ghi nhận cho {$count} đề nghị:
rr-confirm-button = ✅ Ghi nhận
rr-stale = Không ghi nhận được: đề nghị của {$names} đã chuyển sang bước khác sau khi danh sách được hiển thị. Không có gì thay đổi; vui lòng gửi /record để xem danh sách mới.
rr-done = ✅ Đã ghi nhận văn bản số <b>{$number}</b> ngày {$date} cho {$count} đề nghị, nay ở bước “{$status}”:
rr-done-declined = ✅ Đã ghi nhận cấp có thẩm quyền không khen thưởng {$count} đề nghị:
rr-done-toast = Đã ghi nhận.
rr-route-step = {$at}/{$of} {$status}
rr-record-line = {$number} ngày {$date}
rr-status-routes = <b>Các đề nghị trên quy trình khen thưởng</b>
rr-ex-col-route-step = Bước trên quy trình
rr-ex-col-record-number = Số Tờ trình, Quyết định gần nhất
rr-ex-col-record-date = Ngày Tờ trình, Quyết định
rr-heads-not-told = ⚠️ Bot không gửi được tin cho trưởng đơn vị của: {$names} (chưa bấm Start, đã chặn bot, hoặc đơn vị chưa có trưởng đơn vị trên bot); vui lòng báo trực tiếp.
rr-checklist-more = Danh sách chỉ gồm {$shown}/{$standing} đề nghị đầu tiên; sau khi ghi nhận, vui lòng gửi /record để ghi tiếp các đề nghị còn lại.
rr-card-proposal = Tờ trình: số <b>{$number}</b> ngày {$date}, gửi {$party}
rr-card-step = Bước trên quy trình: {$at}/{$of}

me-delete-goes = <b>Sẽ xóa:</b> liên kết với tài khoản Telegram, họ tên và chức vụ trong hồ sơ thành viên, ngôn ngữ, các câu trả lời đang làm dở, bản tự đánh giá không làm căn cứ cho đề nghị khen thưởng nào.
me-delete-goes-drafts = Cùng {$count} đề nghị khen thưởng chưa gửi Văn phòng Sở.
me-delete-stays = <b>Được giữ lại</b> làm hồ sơ của Sở (ghi họ tên như khi đề nghị, không còn liên kết với tài khoản Telegram), cùng tệp, lịch sử, quyết định và bản tự đánh giá làm căn cứ:
me-kept-nomination = • {$form} năm {$year} ({$status})
me-delete-stays-acts = <b>Được giữ lại</b>: họ tên của Anh/Chị ở các bước Anh/Chị đã thực hiện trên hồ sơ khen thưởng (lập đề nghị, tải tệp, nộp hồ sơ, chuyển bước), không còn liên kết với tài khoản Telegram.
me-delete-stays-why = Pháp luật về bảo vệ dữ liệu cá nhân cho phép giữ dữ liệu để thực hiện nghĩa vụ theo quy định của pháp luật; hồ sơ khen thưởng được lưu theo Luật Thi đua, khen thưởng.
me-delete-told = Trưởng đơn vị và Văn phòng Sở sẽ được báo Anh/Chị đã rời bot.
me-deleted-kept = Đã xóa dữ liệu cá nhân của Anh/Chị. {$count} đề nghị khen thưởng đã gửi Văn phòng Sở được giữ lại làm hồ sơ của Sở.
me-left-notice = 👋 <b>{$name}</b> đã xóa dữ liệu cá nhân khỏi bot và không còn là thành viên của đơn vị trên bot.
me-left-notice-kept = 👋 <b>{$name}</b> đã xóa dữ liệu cá nhân khỏi bot. Các đề nghị khen thưởng sau được giữ làm hồ sơ của Sở:
as-unavailable-decided = Bản tự đánh giá này là căn cứ của một đề nghị khen thưởng (trạng thái: {$status}), nên không sửa được nữa (xem bằng /myresult).
as-status-locked-decided = Không sửa được: là căn cứ của một đề nghị khen thưởng (trạng thái: {$status}).
nt-undelivered = ⚠️ Bot không gửi được thông báo cho <b>{$name}</b> (chưa bấm Start hoặc đã chặn bot); vui lòng báo trực tiếp:
    {$notice}
ds-locked-withdrawn = Không thay được tệp của {$nominee}: đơn vị đã rút đề nghị này.
nm-award-stale = Không ghi nhận khen thưởng được: đề nghị đang ở bước “{$status}” ({$by}, {$at}). Vui lòng mở lại đề nghị để xem.

# Routes (issue 12): the statuses every route has beyond the unit's, and the words for any route step.
nm-status-not_passed = Hội đồng Thi đua - Khen thưởng không thông qua
nm-status-declined = cấp có thẩm quyền không khen thưởng
nm-move-declined = ✖️ Cấp trên không khen thưởng
nm-ask-reason-declined = Ghi nhận cấp có thẩm quyền không khen thưởng <b>{$nominee}</b>. Vui lòng nêu lý do hoặc số văn bản trả lời (trưởng đơn vị sẽ nhận được), hoặc gửi /cancel để hủy.
nm-by-council = Hội đồng Thi đua - Khen thưởng
ex-status-not_passed = Hội đồng Thi đua - Khen thưởng không thông qua
ex-status-declined = Cấp có thẩm quyền không khen thưởng
nt-step = 📌 Đề nghị khen thưởng <b>{$nominee}</b> ({$form}): {$status}.
nt-not_passed = ✖️ Hội đồng Thi đua - Khen thưởng không thông qua đề nghị khen thưởng <b>{$nominee}</b> ({$form}).
    Lý do: <i>{$reason}</i>
nt-declined = ✖️ Cấp có thẩm quyền không khen thưởng <b>{$nominee}</b> ({$form}).
    Lý do: <i>{$reason}</i>
nm-locked-forwarded = Đề nghị này đã được Văn phòng Sở trình lên (Hội đồng Thi đua - Khen thưởng hoặc cấp trên) nên đơn vị không rút được.
ds-locked-forwarded = Không thay được tệp của {$nominee}: đề nghị đã được trình lên (Hội đồng Thi đua - Khen thưởng hoặc cấp trên), hồ sơ giữ nguyên như khi trình.
ds-locked-not_passed = Không thay được tệp của {$nominee}: Hội đồng Thi đua - Khen thưởng không thông qua đề nghị này.
ds-locked-declined = Không thay được tệp của {$nominee}: cấp có thẩm quyền không khen thưởng đề nghị này.

## Văn phòng Sở đề nghị khen thưởng cho Ban Giám đốc, Văn phòng Sở
units-office-mark = {" "}· Văn phòng Sở đề nghị khen thưởng
units-office-note = { $count ->
        [0] Văn phòng Sở chưa đề nghị khen thưởng cho đơn vị nào; các đơn vị do trưởng đơn vị đề nghị. Ban Giám đốc và Văn phòng Sở không có trưởng đơn vị cấp trên: gửi /units office &lt;mã&gt; để Văn phòng Sở đề nghị cho các đơn vị đó.
       *[other] Văn phòng Sở đề nghị khen thưởng cho: {$codes}. Các đơn vị khác do trưởng đơn vị đề nghị.
    }
units-office-on = Từ nay <b>Văn phòng Sở</b> đề nghị khen thưởng cho <code>{$code}</code> {$name} (tập thể đơn vị và từng người), theo cùng quy định như trưởng đơn vị: chọn người được đề nghị bằng /nominate {$code}, tải Tờ trình, Báo cáo thành tích và nộp hồ sơ bằng /dossier {$code} trước hạn. Người của đơn vị tham gia bằng liên kết mời /invite {$code} và tự đánh giá như mọi người.
units-office-off = Văn phòng Sở không còn đề nghị khen thưởng cho <code>{$code}</code> {$name}; trưởng đơn vị đề nghị. Các đề nghị đã lập vẫn được giữ.
nm-office-pick-unit = Văn phòng Sở chỉ đề nghị khen thưởng cho các đơn vị không có trưởng đơn vị cấp trên (Ban Giám đốc, Văn phòng Sở). Gửi /nominate để chọn đơn vị.
nm-office-not-proposer = Đơn vị <code>{$code}</code> do trưởng đơn vị đề nghị khen thưởng; Văn phòng Sở không đề nghị thay. Văn phòng Sở chỉ đề nghị cho các đơn vị đặt bằng /units office &lt;mã&gt; (Ban Giám đốc, Văn phòng Sở).
nm-office-unit-archived = Đơn vị <code>{$code}</code> đã được lưu trữ nên không đề nghị, nộp hồ sơ được nữa.
nm-head-other-unit = Anh/Chị chỉ đề nghị khen thưởng và nộp hồ sơ được cho đơn vị của mình.
nm-office-acts = <i>Văn phòng Sở đề nghị khen thưởng cho đơn vị này (không có trưởng đơn vị cấp trên).</i>
nm-office-units-button = ◀ Các đơn vị
nm-office-no-units = Hiện Văn phòng Sở chưa đề nghị khen thưởng cho đơn vị nào; các đơn vị do trưởng đơn vị đề nghị. Để Văn phòng Sở đề nghị cho Ban Giám đốc và Văn phòng Sở (không có trưởng đơn vị cấp trên), gửi /units office &lt;mã&gt;, ví dụ: /units office BGD.
nm-office-units =
    🏅 <b>Văn phòng Sở đề nghị khen thưởng</b> cho các đơn vị không có trưởng đơn vị cấp trên:
    {$units}

    Quy định như với trưởng đơn vị: tiêu chí của từng người được hiển thị, cần nêu lý do khi chưa đáp ứng tất cả các tiêu chí, hồ sơ cần Tờ trình và Báo cáo thành tích, nộp trước hạn. Các đơn vị khác do trưởng đơn vị đề nghị.
    Chọn đơn vị:
nm-office-proposes-told = Đơn vị này do Văn phòng Sở đề nghị khen thưởng: bot báo người được đề nghị (nếu có trên bot).
ds-office-acts = <i>Văn phòng Sở lập và nộp hồ sơ này (đơn vị không có trưởng đơn vị cấp trên).</i>
ds-read-only-office = Hồ sơ đã nộp nên chỉ còn xem được. Nếu cần sửa, bấm “↩️ Trả lại hồ sơ” và nêu lý do, rồi sửa, bổ sung và nộp lại.
ds-office-own-units = Văn phòng Sở lập và nộp hồ sơ cho: {$units}. Bấm để mở:

## Phiên họp Hội đồng Thi đua - Khen thưởng trên bot
cm-no-round = Chưa có kỳ xét khen thưởng nào đang mở, nên không thể họp Hội đồng Thi đua - Khen thưởng.
cm-unknown-form = Không có hình thức khen thưởng “{$word}”. Gõ mã hình thức (ví dụ <code>gk</code>), hoặc để trống để họp cho tất cả.
cm-form-no-council = Hình thức “{$word}” không qua Hội đồng Thi đua - Khen thưởng của Sở.
cm-already-open = Đang có một phiên họp Hội đồng Thi đua - Khen thưởng chưa kết thúc. Kết thúc phiên đó (/council close) trước khi mở phiên mới.
cm-no-members = Hội đồng Thi đua - Khen thưởng chưa có thành viên nào. Thêm thành viên trước (/council add), rồi mở phiên họp.
cm-empty-agenda = Chưa có đề nghị nào được trình Hội đồng Thi đua - Khen thưởng, nên không có gì để họp. Không có gì thay đổi.
cm-quota-full = Số lượng khen thưởng của các hình thức khen thưởng trong chương trình họp đã dùng hết, nên Hội đồng không thể thông qua thêm đề nghị nào. Không có gì thay đổi.
cm-stale-button = Nút này đã cũ. Vui lòng mở lại phiếu biểu quyết.
cm-not-member = Chỉ thành viên Hội đồng Thi đua - Khen thưởng dự phiên họp này mới được biểu quyết.
cm-meeting-closed = Phiên họp đã kết thúc biểu quyết: không thể bỏ phiếu hay sửa phiếu nữa. Không có gì thay đổi.
cm-ballot-already-sent = Phiếu của Anh/Chị đã được gửi rồi.
cm-ballot-incomplete = Anh/Chị còn {$count} đề nghị chưa biểu quyết. Vui lòng biểu quyết tất cả rồi bấm “Xác nhận phiếu”.
cm-chair-only = Chỉ Chủ tịch Hội đồng Thi đua - Khen thưởng được làm việc này.
cm-no-meeting = Không có phiên họp Hội đồng Thi đua - Khen thưởng nào đang diễn ra.
cm-close-not-allowed = Chỉ Chủ tịch Hội đồng hoặc Văn phòng Sở được kết thúc phiên họp.
cm-tie-stale = Việc chọn này không còn hợp lệ (đã được chọn, hoặc phiên họp đã thay đổi). Không có gì thay đổi.
cm-minutes-not-allowed = Chỉ Văn phòng Sở, Chủ tịch và Thư ký Hội đồng được xem biên bản họp.
cm-no-minutes = Chưa có biên bản của phiên họp này (phiên họp chưa kết thúc hoặc không tồn tại).
cm-minutes-usage = Cách dùng: <code>/council minutes</code> hoặc <code>/council minutes 3</code> (số phiên họp).
cm-agenda-title = <b>Phiên họp số {$id} của Hội đồng Thi đua - Khen thưởng — năm {$year}</b>
    Chương trình họp: {$count} đề nghị.
cm-agenda-item = <b>{$n}. {$nominee}</b> — {$unit} — {$form}
cm-agenda-result = Tiêu chí: {$result}
cm-agenda-reason = Lý do của đơn vị: {$reason}
cm-agenda-note = Ý kiến của Văn phòng Sở: {$note}
cm-vote-button = 🗳 Bỏ phiếu
cm-opened = Đã mở phiên họp và gửi chương trình họp cho {$members} thành viên Hội đồng ({$reached} người nhận được trên bot).
cm-left-out = { $count } đề nghị không đưa vào chương trình vì số lượng khen thưởng của hình thức đó đã dùng hết.
cm-ballot-title = <b>🗳 Phiếu biểu quyết — phiên họp số {$id}</b>
cm-agree = đồng ý
cm-disagree = không đồng ý
cm-ballot-sent = ✅ Phiếu đã gửi. Anh/Chị vẫn có thể sửa phiếu cho đến khi phiên họp kết thúc (khi sửa, cần bấm “Xác nhận phiếu” lại).
cm-ballot-missing = Còn {$count} đề nghị chưa biểu quyết.
cm-ballot-ready = Đã biểu quyết tất cả. Bấm “Xác nhận phiếu” để gửi; phiếu chưa xác nhận không được tính.
cm-confirm-button = ✅ Xác nhận phiếu
cm-vote-same = Phiếu này không thay đổi.
cm-vote-reopened = Anh/Chị đã sửa phiếu đã gửi. Bấm “Xác nhận phiếu” để gửi lại; phiếu chưa xác nhận không được tính.
cm-ballot-thanks = Đã gửi phiếu.
cm-count-title = <b>Kết quả kiểm phiếu tạm thời — phiên họp số {$id}</b> (chỉ Chủ tịch Hội đồng xem)
cm-count-ballots = Đã gửi phiếu: {$sent}/{$members} thành viên. Cần ít nhất {$needed} phiếu đồng ý để thông qua.
cm-count-line = {$n}. {$nominee}: 👍 {$agree} · 👎 {$disagree}
cm-refresh-button = 🔄 Cập nhật
cm-close-button = 🔚 Kết thúc phiên họp
cm-tie-found = Có {$count} trường hợp bằng phiếu tại giới hạn số lượng khen thưởng. Chủ tịch Hội đồng chọn người được thông qua:
cm-tie-title = <b>Bằng phiếu tại giới hạn số lượng khen thưởng</b> — {$form}, { $kind ->
        [collective] tập thể
       *[individual] cá nhân
    }: {$count} đề nghị cùng {$agree} phiếu đồng ý, còn {$slots} suất. Chọn { $slots } đề nghị:
cm-tie-picked = Đã chọn {$count}/{$slots}.
cm-tie-ask-reason = Anh/Chị chọn: <b>{$names}</b>. Vui lòng nhập lý do lựa chọn (được ghi vào biên bản), hoặc gửi /cancel để hủy.
cm-tie-to-chair = Có trường hợp bằng phiếu tại giới hạn số lượng khen thưởng. Bot đã gửi cho Chủ tịch Hội đồng ({$chair}) để chọn; phiên họp kết thúc khi Chủ tịch chọn xong.
cm-tie-no-chair = Có trường hợp bằng phiếu tại giới hạn số lượng khen thưởng, nhưng Hội đồng chưa có Chủ tịch. Văn phòng Sở cử Chủ tịch (/council chair) để Chủ tịch chọn.
cm-outcome-passed = ✅ được thông qua
cm-outcome-chosen = ✅ được thông qua (Chủ tịch Hội đồng chọn khi bằng phiếu)
cm-outcome-not-passed = ❌ không được thông qua
cm-outcome-over-quota = ❌ không được thông qua (đạt số phiếu nhưng ngoài số lượng khen thưởng)
cm-result-title = <b>Kết quả phiên họp số {$id} của Hội đồng Thi đua - Khen thưởng — năm {$year}</b>
cm-result-attendance = Thành viên gửi phiếu: {$present}/{$members}. Thông qua khi có từ {$needed} phiếu đồng ý trở lên (trên {$base}).
cm-result-group = <b>{$form}</b> — { $kind ->
        [collective] tập thể
       *[individual] cá nhân
    } (số lượng khen thưởng còn lại: { $slots ->
        [none] chưa quy định
       *[other] {$slots}
    })
cm-rank = {" "}· hạng {$rank}
cm-result-line = • {$nominee} ({$unit}): 👍 {$agree} · 👎 {$disagree}{$blank}{$rank} — {$outcome}
cm-blank = {" "}· {$blank} không biểu quyết
cm-result-tie-break = Chủ tịch Hội đồng ({$by}) chọn khi bằng phiếu ({$form}): {$chosen}. Lý do: {$reason}
cm-result-all-voted = Tất cả thành viên đã gửi phiếu.
cm-result-absent = Thành viên không gửi phiếu: {$names}.
cm-result-left-agenda = Không biểu quyết (đã rút khỏi chương trình họp): {$nominee}.
cm-minutes-title = <b>Biên bản phiên họp số {$id} của Hội đồng Thi đua - Khen thưởng — năm {$year}</b>
cm-minutes-times = Mở: {$opened} ({$openedBy}). Kết thúc: {$closed} ({$closedBy}).
cm-minutes-present = Thành viên tham dự (đã gửi phiếu): {$names}.
cm-minutes-votes-title = <b>Phiếu của từng thành viên</b>
cm-minutes-votes = • {$nominee} — đồng ý: {$agree}; không đồng ý: {$disagree}
cm-notice-title = <b>Hội đồng Thi đua - Khen thưởng đã họp xét đề nghị khen thưởng năm {$year}:</b>
cm-notice-line = • {$nominee} — {$form}: {$outcome}
cm-help-office =
    /council meet [mã hình thức…]: mở phiên họp cho các đề nghị đã trình Hội đồng; thành viên nhận chương trình họp và phiếu biểu quyết
    /council close: kết thúc phiên họp (Chủ tịch Hội đồng hoặc Văn phòng Sở) · /council minutes [số]: biên bản họp
    Chủ tịch Hội đồng: /council count để xem kết quả kiểm phiếu tạm thời.
## Hội đồng Thi đua - Khen thưởng: thành viên (/council)
cmd-council = Hội đồng Thi đua - Khen thưởng: thành viên, chương trình xét
cn-role-chair = Chủ tịch Hội đồng
cn-role-secretary = Thư ký Hội đồng
cn-role-member = Ủy viên Hội đồng
cn-usage =
    <b>Hội đồng Thi đua - Khen thưởng của Sở</b>
    /council: danh sách Hội đồng
    /council add &lt;người&gt;: thêm ủy viên Hội đồng
    /council chair &lt;người&gt;: chỉ định Chủ tịch Hội đồng
    /council secretary &lt;người&gt;: chỉ định Thư ký Hội đồng
    /council remove &lt;người&gt;: đưa ra khỏi Hội đồng
    /council agenda: các đề nghị khen thưởng trình Hội đồng
    &lt;người&gt; là họ tên (hoặc một phần họ tên) hay mã Telegram của người đã đăng ký với bot. Người chưa đăng ký: gửi /invite &lt;mã đơn vị&gt; council để mời họ vào đơn vị và Hội đồng.
cn-usage-member =
    /council: danh sách Hội đồng
    /council agenda: các đề nghị khen thưởng trình Hội đồng (chỉ xem)
cn-members-only = Lệnh này dành cho thành viên Hội đồng Thi đua - Khen thưởng và Văn phòng Sở.
cn-private-only = Anh/Chị vui lòng dùng lệnh này trong cuộc trò chuyện riêng với bot.
cn-list-header = 🏛 <b>Hội đồng Thi đua - Khen thưởng của Sở</b>: {$count} thành viên
cn-list-empty = Chưa có thành viên nào. Văn phòng Sở thêm thành viên bằng /council add &lt;người&gt; hoặc /invite &lt;mã đơn vị&gt; council.
cn-list-no-chair = • Chủ tịch Hội đồng: <i>chưa chỉ định</i>
cn-list-no-secretary = • Thư ký Hội đồng: <i>chưa chỉ định</i>
cn-list-line = • {$role}: <b>{$name}</b>, {$unit}
cn-list-footer-office = Gửi /council add, chair, secretary hoặc remove kèm họ tên để thay đổi; /council meet để họp Hội đồng.
cn-agenda-button = 📋 Đề nghị khen thưởng trình Hội đồng
cn-agenda-header = 📋 <b>Đề nghị khen thưởng trình Hội đồng năm {$year}</b>: {$count}
cn-agenda-empty = Chưa có đề nghị khen thưởng nào trình Hội đồng.
cn-agenda-footer = Bấm nút có số tương ứng để xem đề nghị, hồ sơ và kết quả tự đánh giá (chỉ xem).
cn-nl-header = 🏅 <b>Đề nghị khen thưởng năm {$year}</b> (của Anh/Chị, đơn vị và trình Hội đồng){$filter}: {$count}
cn-card-read-only = <i>Thành viên Hội đồng chỉ xem đề nghị này: hồ sơ và kết quả tự đánh giá ở các nút dưới đây.</i>
cn-help-member =
    <b>Hội đồng Thi đua - Khen thưởng</b> (Anh/Chị là {$role})
    /council: danh sách Hội đồng · /council agenda: các đề nghị khen thưởng trình Hội đồng, hồ sơ và kết quả tự đánh giá của người được đề nghị (chỉ xem)
    Khi Văn phòng Sở mở phiên họp, bot gửi chương trình họp kèm nút 🗳 Bỏ phiếu. Chủ tịch Hội đồng: /council count (kiểm phiếu tạm thời), /council close (kết thúc phiên họp) · Chủ tịch, Thư ký: /council minutes (biên bản họp)
cn-help-office =
    <b>Hội đồng Thi đua - Khen thưởng</b>
    /council: danh sách Hội đồng · /council add | chair | secretary | remove &lt;người&gt;: thêm ủy viên, chỉ định Chủ tịch, Thư ký, đưa ra khỏi Hội đồng
    /invite &lt;mã đơn vị&gt; council: liên kết mời vào đơn vị và Hội đồng
cn-no-username = Bot không lưu tên người dùng Telegram (@…). Anh/Chị vui lòng gửi họ tên hoặc mã Telegram của người đó, ví dụ /council add Nguyễn Thị Lan.
cn-not-registered-id = Không có người nào đã đăng ký với bot có mã Telegram {$id}. Người chưa đăng ký không thể vào Hội đồng: gửi /invite &lt;mã đơn vị&gt; council để mời họ.
cn-not-registered-name = Không tìm thấy người đã đăng ký nào tên “{$name}”. Người chưa đăng ký không thể vào Hội đồng: gửi /invite &lt;mã đơn vị&gt; council để mời họ.
cn-pick-person = Có {$count} người trùng tên. Anh/Chị chọn đúng người (hoặc gửi lại lệnh kèm mã Telegram):
cn-set = Đã chỉ định <b>{$name}</b> là {$role}.
cn-replaced = {$role} trước đây, <b>{$name}</b>, vẫn là ủy viên Hội đồng.
cn-unchanged = <b>{$name}</b> đã là {$role}: không có gì thay đổi.
cn-removed = Đã đưa <b>{$name}</b> ra khỏi Hội đồng Thi đua - Khen thưởng.
cn-not-member = <b>{$name}</b> không phải thành viên Hội đồng: không có gì thay đổi.
cn-notice-role = 🏛 Văn phòng Sở đã chỉ định Anh/Chị là <b>{$role}</b> (Hội đồng Thi đua - Khen thưởng của Sở). Gửi /council để xem Hội đồng và các đề nghị khen thưởng trình Hội đồng.
cn-notice-removed = 🏛 Văn phòng Sở đã đưa Anh/Chị ra khỏi Hội đồng Thi đua - Khen thưởng của Sở.
cn-joined = 🏛 Anh/Chị đã là ủy viên <b>Hội đồng Thi đua - Khen thưởng của Sở</b>. Gửi /council để xem Hội đồng và các đề nghị khen thưởng trình Hội đồng.
cn-already-member = Anh/Chị đã là thành viên Hội đồng Thi đua - Khen thưởng: không có gì thay đổi.
cn-invite-usage = /invite &lt;mã đơn vị&gt; council: mời vào đơn vị và Hội đồng Thi đua - Khen thưởng
cn-invite-role = {$role}, ủy viên Hội đồng Thi đua - Khen thưởng
cn-invite-advice = Liên kết này đưa người bấm vào đơn vị và Hội đồng Thi đua - Khen thưởng: chỉ gửi riêng cho đúng người. Người đã ở đơn vị này thì chỉ vào Hội đồng, giữ vai trò trong đơn vị.

## Thông tin cho Báo cáo thành tích: hỏi khi được đề nghị khen thưởng, xem ở /me, xóa cùng hồ sơ
pf-button = ✍️ Bổ sung thông tin cho Báo cáo thành tích
pf-not-allowed = Chỉ người đó hoặc trưởng đơn vị của họ mới được bổ sung thông tin này.
pf-not-registered = Người này không còn trên bot: không có thông tin nào để bổ sung.
pf-not-given = <i>chưa có</i>
pf-awards-none = không có
pf-gender-male = Nam
pf-gender-female = Nữ
pf-details =
    Ngày sinh: {$dob}
    Giới tính: {$gender}
    Quê quán: {$hometown}
    Trình độ chuyên môn: {$qualification}
    Nhiệm vụ được giao: {$duties}
    Hình thức khen thưởng đã được nhận: {$awards}
pf-me-header = <b>Thông tin cho Báo cáo thành tích</b>
pf-intro = ✍️ <b>Thông tin cho Báo cáo thành tích</b>: bot hỏi lần lượt 6 câu. Câu nào chưa muốn trả lời thì bấm “⏭ Bỏ qua”; gửi /cancel để dừng (các câu đã trả lời vẫn được lưu).
pf-question-head = <b>{$name}</b> · câu {$step}/{$total}
pf-ask-dob = Ngày tháng năm sinh, dạng ngày/tháng/năm (ví dụ 05/03/1985):
pf-ask-gender = Giới tính: bấm Nam hoặc Nữ.
pf-ask-hometown = Quê quán (xã/phường, tỉnh/thành phố):
pf-ask-qualification = Trình độ chuyên môn, nghiệp vụ (ví dụ: Cử nhân Luật):
pf-ask-duties = Nhiệm vụ được giao (chức trách, lĩnh vực phụ trách):
pf-ask-awards =
    Các hình thức khen thưởng đã được nhận, mỗi dòng một hình thức: năm - hình thức - số quyết định, ví dụ
    2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP
    Chưa được khen thưởng thì gửi “không”.
pf-current = Hiện có: {$value}
pf-skip = ⏭ Bỏ qua
pf-skip-hint = <i>Bấm “⏭ Bỏ qua” để giữ nguyên.</i>
pf-text-expected = Vui lòng trả lời bằng chữ (hoặc bấm “⏭ Bỏ qua”).
pf-bad-dob-format = Ngày sinh chưa đúng dạng ngày/tháng/năm, ví dụ 05/03/1985. Chưa lưu gì.
pf-bad-dob-not-a-date = Không có ngày này trong lịch. Vui lòng kiểm tra lại ngày, tháng. Chưa lưu gì.
pf-bad-dob-age = Ngày sinh này cho tuổi ngoài khoảng {$min}–{$max}. Vui lòng kiểm tra lại năm sinh. Chưa lưu gì.
pf-bad-gender = Vui lòng bấm Nam hoặc Nữ (hoặc “⏭ Bỏ qua”). Chưa lưu gì.
pf-bad-text-short = Câu trả lời quá ngắn. Chưa lưu gì.
pf-bad-text-long = Câu trả lời dài hơn {$max} ký tự. Vui lòng viết gọn lại. Chưa lưu gì.
pf-bad-text-letters = Câu trả lời cần có chữ. Chưa lưu gì.
pf-bad-awards-many = Danh sách quá dài. Vui lòng ghi các hình thức khen thưởng chính, tối đa 30 dòng và 2000 ký tự. Chưa lưu gì.
pf-bad-awards-line = Dòng {$line} chưa đúng dạng “năm - hình thức - số quyết định”, ví dụ 2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP. Chưa lưu gì.
pf-bad-awards-year = Năm ở dòng {$line} phải từ 1975 đến {$year}. Chưa lưu gì.
pf-bad-awards-form = Hình thức khen thưởng ở dòng {$line} thiếu hoặc quá dài. Chưa lưu gì.
pf-bad-awards-decision = Số quyết định ở dòng {$line} quá dài. Chưa lưu gì.
pf-summary = ✅ Đã lưu thông tin cho Báo cáo thành tích của <b>{$name}</b>:
pf-summary-missing = Còn {$count} mục chưa có: bấm “✍️ Bổ sung thông tin cho Báo cáo thành tích” ở /me để bổ sung sau.
pf-notice-nominee = ✍️ Anh/Chị được đề nghị khen thưởng. Báo cáo thành tích cần thêm {$count} mục mà bot chưa có (ngày sinh, giới tính, quê quán, trình độ chuyên môn, nhiệm vụ được giao, khen thưởng đã nhận). Bấm nút dưới đây để trả lời; trưởng đơn vị cũng có thể bổ sung thay.
pf-offer-head = ✍️ Báo cáo thành tích của <b>{$name}</b> còn thiếu {$count} mục (ngày sinh, quê quán, trình độ chuyên môn…). { $told ->
        [yes] Bot đã nhắn người đó bổ sung; Anh/Chị cũng có thể tự bổ sung:
       *[no] Người đó không còn trên bot để tự trả lời; Anh/Chị có thể bổ sung:
    }
pf-offer-self = ✍️ Báo cáo thành tích của Anh/Chị còn thiếu {$count} mục (ngày sinh, quê quán, trình độ chuyên môn…). Bấm nút dưới đây để bổ sung.
pf-delete-goes = Cùng thông tin cho Báo cáo thành tích (ngày sinh, giới tính, quê quán, trình độ chuyên môn, nhiệm vụ được giao, khen thưởng đã nhận).
pf-cancelled = Đã dừng. Các câu trả lời trước đó vẫn được lưu; bấm “✍️ Bổ sung thông tin cho Báo cáo thành tích” ở /me để tiếp tục.
# Bản nháp văn bản (issue 13)
doc-draft-button = 📄 Bản nháp
doc-not-visible = Anh/Chị không xem được đề nghị khen thưởng này, nên không lấy được bản nháp của nó.
doc-making = Đang lập bản nháp…
doc-report-caption = Bản nháp Báo cáo thành tích của {$name}, đề nghị tặng {$form}, lập ngày {$date} từ dữ liệu hiện có trên bot. Anh/Chị mở bằng Word, bổ sung những chỗ ghi "chưa có dữ liệu", rồi ký và nộp cùng Hồ sơ đề nghị khen thưởng.
doc-letter-button = 📄 Bản nháp Tờ trình
doc-letter-caption = Bản nháp Tờ trình đề nghị khen thưởng của {$unit}, kỳ xét khen thưởng năm {$year}, lập ngày {$date} từ các đề nghị khen thưởng hiện có trên bot. Anh/Chị mở bằng Word, ghi số, bổ sung, ký rồi tải lên Hồ sơ đề nghị khen thưởng.
doc-list-button = 📄 Danh sách đề nghị: {$form}
doc-list-caption = Bản nháp danh sách đề nghị khen thưởng {$form} (trích ngang), kỳ xét khen thưởng năm {$year}: {$count} đề nghị đã trình Hội đồng Thi đua - Khen thưởng hoặc đã đi tiếp, lập ngày {$date}.
doc-office-intro =
    <b>Bản nháp văn bản</b>
    Văn phòng Sở lập được các văn bản dưới đây từ dữ liệu hiện có trên bot (tệp .docx, mở bằng Word để bổ sung, ký). Bấm một nút để nhận bản nháp.
doc-office-none = <b>Bản nháp văn bản</b>
    Chưa có văn bản nào lập được từ dữ liệu hiện có trên bot.
doc-ballot-button = 📄 Bản nháp phiếu bầu
doc-minutes-button = 📄 Bản nháp biên bản họp Hội đồng
doc-count-button = 📄 Bản nháp biên bản kiểm phiếu
doc-decision-button = 📄 Bản nháp Quyết định tặng Giấy khen
doc-ballot-not-allowed = Chỉ Văn phòng Sở và thành viên Hội đồng của phiên họp này được lấy phiếu bầu.
doc-decision-nothing = Phiên họp này không có đề nghị nào được thông qua cho hình thức Giấy khen, nên không có Quyết định để lập.
doc-ballot-caption = Bản nháp phiếu bầu của phiên họp số {$id}: mỗi thành viên Hội đồng một trang ({$members} trang), lập ngày {$date}. Anh/Chị in ra để các thành viên đánh dấu và ký.
doc-minutes-caption = Bản nháp biên bản họp Hội đồng Thi đua - Khen thưởng, phiên họp số {$id}, lập ngày {$date} từ kết quả biểu quyết trên bot. Anh/Chị mở bằng Word, kiểm tra, bổ sung rồi trình ký.
doc-count-caption = Bản nháp biên bản kiểm phiếu, phiên họp số {$id}, lập ngày {$date} từ kết quả biểu quyết trên bot. Anh/Chị mở bằng Word, kiểm tra rồi trình ký.
doc-decision-caption = Bản nháp Quyết định của Giám đốc Sở tặng Giấy khen cho { $count } trường hợp Hội đồng đã thông qua tại phiên họp số {$id}, kèm danh sách, lập ngày {$date}. Số, ký hiệu và ngày ký để trống.
# /docs lists every document the Office can draft; the Sở's Tờ trình; the Quyết định of everything awaiting it
doc-office-missing = <b>Chưa lập được</b> (thiếu dữ liệu):
doc-missing-list = Danh sách đề nghị {$form}: chưa có đề nghị nào được trình Hội đồng Thi đua - Khen thưởng.
doc-missing-meeting = Phiếu bầu, biên bản họp, biên bản kiểm phiếu: Hội đồng Thi đua - Khen thưởng chưa họp trong kỳ này (/council meet).
doc-missing-minutes = Biên bản họp, biên bản kiểm phiếu của phiên họp số {$id}: phiên họp chưa kết thúc.
doc-office-ballot = 📄 Phiếu bầu · phiên họp số {$id}
doc-office-minutes = 📄 Biên bản họp Hội đồng · phiên họp số {$id}
doc-office-count = 📄 Biên bản kiểm phiếu · phiên họp số {$id}
doc-office-meeting-decision = 📄 Quyết định tặng {$form} · phiên họp số {$id}
doc-office-round-decision = 📄 Quyết định tặng {$form}: tất cả đề nghị chờ Quyết định ({$count})
doc-missing-round-decision = Quyết định tặng {$form}: chưa có đề nghị nào được Hội đồng thông qua đang chờ Quyết định.
doc-office-province-letter = 📄 Tờ trình của Sở đề nghị tặng {$form} ({$count})
doc-missing-province-letter = Tờ trình của Sở đề nghị tặng {$form}: chưa có đề nghị nào được Hội đồng thông qua đang chờ Tờ trình.
doc-round-decision-nothing = Không có đề nghị nào đang chờ Quyết định của hình thức này, nên không có Quyết định để lập.
doc-round-decision-caption = Bản nháp Quyết định của Giám đốc Sở tặng {$form} cho { $count } trường hợp Hội đồng đã thông qua đang chờ Quyết định (kỳ xét khen thưởng năm {$year}), kèm danh sách, lập ngày {$date}. Số, ký hiệu và ngày ký để trống.
doc-province-letter-nothing = Không có đề nghị nào được Hội đồng thông qua đang chờ Tờ trình của Sở cho hình thức này, nên không có Tờ trình để lập.
doc-province-letter-caption = Bản nháp Tờ trình của Sở đề nghị tặng {$form} cho { $count } trường hợp Hội đồng Thi đua - Khen thưởng đã thông qua (kỳ xét khen thưởng năm {$year}), kèm danh sách, lập ngày {$date}. Số, ký hiệu để trống; trình Giám đốc Sở ký rồi ghi nhận bằng /record.
rr-decision-draft-button = 📄 Bản nháp Quyết định · {$form}
rr-letter-draft-button = 📄 Bản nháp Tờ trình của Sở · {$form}
mr-docs-button = 📄 Báo cáo sơ kết, tổng kết phong trào thi đua
mr-menu =
    <b>Báo cáo sơ kết, tổng kết phong trào thi đua</b>
    Chọn báo cáo cần lập. Số liệu theo từng phòng, đơn vị (mỗi người được tính ở đơn vị hiện nay), kèm biểu đồ; tệp .docx để Văn phòng Sở bổ sung, trình ký.
mr-so-ket-button = Sơ kết năm {$year}
mr-tong-ket-button = Tổng kết giai đoạn {$from} - {$to}
mr-title-so-ket = sơ kết năm {$year}
mr-title-tong-ket = tổng kết giai đoạn {$from} - {$to}
mr-making = ⏳ Đang lập báo cáo {$title}… Bot sẽ gửi tệp khi lập xong; trong lúc chờ, Anh/Chị vẫn dùng các lệnh khác bình thường.
mr-busy = Bot đang lập một báo cáo cho Anh/Chị. Vui lòng chờ nhận tệp rồi lập báo cáo khác.
mr-caption = Bản nháp báo cáo {$title} phong trào thi đua ({$units} phòng, đơn vị), lập ngày {$date} từ dữ liệu hiện có trên bot. Anh/Chị mở bằng Word, bổ sung phần đánh giá chung, phương hướng và kiến nghị, rồi trình ký.
mr-failed = Chưa lập được báo cáo {$title}. Anh/Chị vui lòng thử lại sau ít phút; nếu vẫn không được, xin báo quản trị viên.

# /status <đơn vị> của Văn phòng Sở: các nút đi tiếp
st-unit-nominations-button = 🏅 Đề nghị khen thưởng của đơn vị
st-unit-people-button = 👥 Tự đánh giá của công chức, viên chức, người lao động
# /dossier của Văn phòng Sở: các đơn vị đã nộp hồ sơ
ds-sent-title = <b>Hồ sơ đề nghị khen thưởng đã nộp, kỳ xét khen thưởng năm {$year}</b> ({$count} đơn vị, mới nhất trước):
ds-sent-at = nộp lúc {$at}
ds-sent-at-late = nộp lúc {$at} (nộp muộn)
ds-sent-none = Chưa đơn vị nào nộp hồ sơ.
# Thông báo mở, đóng kỳ xét khen thưởng và sắp hết gia hạn
nt-round-opened =
    📢 Văn phòng Sở đã mở <b>kỳ xét khen thưởng năm {$year}</b>.
    Hồ sơ đề nghị khen thưởng gửi về Văn phòng Sở trước ngày {$deadline}. Công chức, viên chức, người lao động tự đánh giá bằng lệnh /assess.
nt-round-closed = 📢 Văn phòng Sở đã đóng <b>kỳ xét khen thưởng năm {$year}</b>. Từ nay Anh/Chị chỉ xem được những gì đã nộp.
nt-extension-ending =
    ⏳ Thời hạn gia hạn của đơn vị {$unit} (kỳ xét khen thưởng năm {$year}) kết thúc trước {$until}, còn một tuần.
    Anh/Chị hoàn thành và nộp hồ sơ đề nghị khen thưởng (/dossier) trước thời hạn này.
