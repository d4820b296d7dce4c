"""Round 11 hand-written material, spam: job and task scams, chain votes, herbal remedies,
one-person sales, in a polished and a casual register, at every length.

Written for this project (see README.md).
"""

M: dict[str, list[str]] = {}

M["spam_short"] = [
    "vay {m1}0tr k thế chấp", "ib e giá sỉ nha", "xem video kiếm {m2}k/ngày", "sim số đẹp ib e", "bán gà ta {m2}k/kg",
    "nhận làm bằng lái ib", "vay nhanh 0% lãi", "tuyển ctv online", "việc nhẹ lương cao ib", "xả kho giày {m2}k",
    "link nhận quà: {url}", "vote giúp bé {name} nha {url}", "thuốc xương khớp ib", "bán đất sổ sẵn ib", "cho vay nóng",
    "đáo hạn thẻ phí rẻ", "nhận ship đồ ăn", "bánh bông lan {m2}k/hộp", "xoài {m2}k/kg ai lấy", "mật ong rừng ib e",
    "kèo thơm tối nay, vào {url}", "nạp 100k tặng 100k", "app vay {w1}{w2}", "ai cần thợ điện gọi e", "nhận order hàng Thái",
    "tuyển người like dạo", "kiếm tiền tại nhà ib", "sale 50% hôm nay", "lô đề chuẩn ib", "bán xe {bike} giá rẻ",
    "bán chó con ib", "thanh lý tủ lạnh {m1}tr", "cho thuê trọ {m1}tr", "đông trùng chính hãng", "trà giảm cân ib",
    "đồ bộ {m2}k/bộ nha", "ai cần rau sạch ib", "giao gas tận nhà", "nhận may đồ ib", "dạy kèm toán ib",
]

M["spam_job"] = [
    "Tuyển người xem video tính tiền, mỗi video {m2}0 đồng, làm tại nhà bằng điện thoại, ngày kiếm {money}, {cta}",
    "tuyển CTV thả tim, follow TikTok nhận {m2}k mỗi lượt, rút tiền ngày, không cần kinh nghiệm, {cta}",
    "việc làm thêm cho mẹ bỉm: nhận hàng về dán tem, đóng gói tại nhà, trả lương tuần, {cta}",
    "tuyển nhân viên đánh máy văn bản tại nhà, {money}/trang, cọc trước {money} nhận tài liệu, {cta}",
    "cần gấp {n2} bạn làm nhiệm vụ trên sàn, nạp đơn nhận hoa hồng {n2}%, hoàn vốn ngay, {cta}",
    "tuyển người xem livestream giữ mắt, 1 tiếng {money}, làm giờ nào cũng được, {cta}",
    "việc online cho học sinh sinh viên: đánh giá 5 sao cho shop, mỗi đơn {m2}k, {cta}",
    "tuyển gấp nhân viên nghe gọi chăm sóc khách hàng tại nhà, lương {money}/tháng, đóng phí hồ sơ {m2}k, {cta}",
    "ai rảnh tối làm thêm: bấm like bài viết nhận tiền, uy tín, đã có nhiều người rút được, {cta}",
    "tuyển lao động làm việc tại Campuchia, lương {money}/tháng, bao vé máy bay, không cần bằng cấp, {cta}",
    "e đang cần thêm vài chị rảnh tay làm việc nhẹ trên điện thoại, mỗi ngày 1-2 tiếng kiếm thêm tiền chợ, chị nào quan tâm ib e hướng dẫn",
    "tuyen nguoi xem video tinh tien, lam tai nha, moi ngay kiem {m2}0k den {m2}0k, inbox de duoc huong dan",
    "nhận làm nhiệm vụ đặt đơn ảo cho shop, đơn càng lớn hoa hồng càng cao, rút tiền trong 5 phút, {cta}",
    "Công ty truyền thông tuyển {n2} cộng tác viên xem quảng cáo, thu nhập {money}/ngày, đăng ký tại {url}",
    "tuyển người dịch phụ đề phim tại nhà, trả theo tập, cần đặt cọc tài khoản {money}, {cta}",
    "Bạn đang thất nghiệp? Chỉ cần chiếc điện thoại và 2 giờ mỗi ngày, thu nhập ổn định {money}/tháng. Không vốn, không rủi ro. {cta}",
]

M["spam_vote"] = [
    "Nhờ cả nhà bình chọn giúp bé {name} trong cuộc thi ảnh bé yêu, bấm link {url} rồi đăng nhập facebook là được, cảm ơn nhiều",
    "vote cho cháu {name} số báo danh {n} nha mọi người, chỉ cần vào {url} và nhập số điện thoại nhận mã",
    "chia sẻ tin này vào {n2} nhóm, trong 3 ngày bạn sẽ nhận được tin vui, ai không chia sẻ sẽ gặp xui cả năm",
    "gửi tin này cho 10 người, nhà mạng sẽ tặng bạn {money} vào tài khoản, mình làm rồi được thật",
    "Zalo sẽ thu phí từ tháng sau, chuyển tin này cho 20 người để tài khoản của bạn được miễn phí vĩnh viễn",
    "ủng hộ con em dự thi giọng hát nhí, mỗi lượt vote 1 tim, bấm {url} đăng nhập là vote được",
    "cả nhà ơi giúp em 1 phiếu bầu cho đội văn nghệ, vào link {url} xác nhận bằng mã OTP gửi về điện thoại",
    "ai thấy tin này thì gõ Amen và chia sẻ, điều ước của bạn sẽ thành sự thật trong 7 ngày",
    "tham gia vòng quay may mắn tri ân khách hàng, 100% có quà, chia sẻ bài viết và bấm {url}",
    "Đừng lướt qua! Chia sẻ bài viết này để nhận {money} từ chương trình từ thiện của tập đoàn, số lượng có hạn",
]

M["spam_herbal"] = [
    "Cao gắm rừng gia truyền chữa dứt điểm đau nhức xương khớp, thoái hóa cột sống, uống 1 liệu trình là đi lại bình thường, {cta}",
    "thuốc nam gia truyền 3 đời trị dạ dày, trào ngược, đại tràng, cam kết khỏi mới lấy tiền, {cta}",
    "rượu ngâm ba kích tím, bổ thận tráng dương, ông nào yếu sinh lý dùng là biết, {cta}",
    "lá xông giải cảm, thải độc, trị mất ngủ, nhà em tự hái trên núi, {m2}k một bó, {cta}",
    "trà thảo mộc hạ đường huyết, người tiểu đường uống thay nước, bỏ được thuốc tây, {cta}",
    "viên sủi thảo dược hỗ trợ giảm cân nhanh, không cần ăn kiêng, tặng kèm thước đo, {cta}",
    "cao dán thảo dược Hàn Quốc hút độc tố bàn chân, ngủ ngon, giảm đau lưng, combo {money}, {cta}",
    "thuốc bắc trị hôi nách, hôi chân tận gốc sau 7 ngày, ship kín đáo, {cta}",
    "mật gấu, nấm lim xanh rừng, sâm Ngọc Linh hàng chuẩn, chữa bách bệnh, {cta}",
    "nhà e có bài thuốc lá chữa gan nhiễm mỡ, men gan cao, ai cần e gửi, {money}/liệu trình, {cta}",
    "Thuốc mọc tóc thảo dược: bôi 2 tuần tóc mọc lại như thanh niên, hết hói, không tác dụng phụ, {cta}",
]

M["spam_sale_casual"] = [
    "nhà có mấy chục ký xoài cát chín cây, ai ăn ib e nha, {m2}k/kg giao trong xóm",
    "e làm bánh bông lan trứng muối {m2}k/hộp, ai đặt nhắn e trước 1 ngày",
    "dọn nhà thanh lý cái tủ lạnh còn chạy tốt {m1}tr, ai cần qua coi",
    "nhà e mới thu hoạch lúa, có gạo mới {m2}k/kg, ai lấy e chở tới",
    "chị nào cần đồ bộ mặc nhà e có mẫu mới, {m2}k/bộ, ib e gửi hình",
    "bán lại chiếc xe {bike} đời {year} chính chủ, máy êm, giá {money}, ai quan tâm gọi {phone}",
    "nhà e có vườn bưởi da xanh, ai cần làm quà tết đặt sớm nha, {m2}k/trái",
    "e nhận nấu cơm tháng cho mấy anh chị đi làm, {m2}k/phần, giao tận nơi",
    "thanh lý giá rẻ bộ bàn ghế gỗ, chuyển nhà không mang theo được, {money}",
    "chó nhà đẻ 5 con {pet} thuần, 2 tháng tuổi, {money}/con, ai nuôi ib",
    "e bán chè đậu xanh nước cốt dừa {m2}k/ly, chiều nào cũng có ở đầu hẻm {n}",
    "có ai cần mua gà ta thả vườn để cúng rằm không, e có gà trống thiến {m2}k/kg",
    "e là {name}, nhận may sửa quần áo lấy liền ở {place}, giá bình dân, ghé e nha",
    "máy giặt cũ nhà em còn xài tốt, bán lại {money} cho ai cần",
    "Nhà em làm nem chua, chả lụa, giò thủ tự làm không hàn the. Bà con đặt trước 1 ngày em giao tận nhà trong phường. Nem {m2}k chục, chả {m2}k ký. Gọi em {phone}",
    "bán dau tay Da Lat {m2}k/hop, hang ve sang nay, ai lay ib",
    "em bán bánh mì que nóng giòn ở cổng chợ {pn}, {m2}k 10 cái, ghé em ủng hộ nha",
    "thanh lý đồ sơ sinh bé trai còn mới 90%, mỗi món {m2}k, ai cần e gửi hình",
]

M["spam_polished"] = [
    "🔥 SIÊU ƯU ĐÃI THÁNG NÀY 🔥 ✅ {product} chính hãng ✅ Giảm tới 50% ✅ Freeship toàn quốc ✅ Bảo hành 12 tháng. Đặt ngay: {url} 📞 Hotline {phone}",
    "【THÔNG BÁO TUYỂN DỤNG】 Công ty TNHH {w1}{w2} cần tuyển {n2} nhân viên làm việc online tại nhà. Yêu cầu: có điện thoại thông minh. Quyền lợi: lương {money}/tuần, thưởng doanh số. Liên hệ: {handle}",
    "KHAI TRƯƠNG CƠ SỞ MỚI tại {place} 🎉 Giảm 30% dịch vụ gội đầu dưỡng sinh, massage cổ vai gáy. Tặng voucher {money} cho 30 khách hàng đầu tiên. Đặt lịch: {phone}",
    "Chương trình tri ân khách hàng: Ngân hàng {w1}{w2} hỗ trợ vay tiêu dùng đến {money}, lãi suất ưu đãi, giải ngân trong ngày. Đăng ký: {url}",
    "💥 DỰ ÁN ĐẤT NỀN VEN SÔNG {pn} 💥 Pháp lý minh bạch, sổ đỏ trao tay, giá chỉ từ {money}/nền. Ngân hàng hỗ trợ 70%. Hotline: {phone}",
    "Học tiếng Anh giao tiếp cùng giáo viên bản xứ, cam kết đầu ra, học phí chỉ {money}/khóa. Đăng ký học thử miễn phí: {url}",
    "⚡ SĂN DEAL SỐC ⚡ Nồi chiên không dầu 8L chỉ {money}, tặng kèm bộ dao 5 món. Chỉ áp dụng 24h. Bấm đặt hàng: {url}",
]

M["spam_long"] = [
    "Chào cả nhà, em là {name}, em đang làm thêm ở nhà bằng điện thoại, mỗi ngày chỉ cần xem video và bấm thích theo hướng dẫn là có tiền, hôm qua em rút được {money} rồi. Bên em đang cần thêm người, ai ở nhà trông con hay về hưu rảnh rỗi thì nhắn em, em chỉ tận tình, không mất phí",
    "Bà con ơi nhà em năm nay trúng mùa, vườn có sầu riêng Ri6 với Monthong chín cây, không dùng thuốc ép chín. Giá {m2}k/kg, mua từ 5kg em giao tận nhà trong xã. Ai lấy nhắn em sớm vì hàng có hạn. Em cảm ơn cả nhà đã ủng hộ bà con nông dân",
    "Bạn đang nợ xấu, bị ngân hàng từ chối? Đừng lo! Chúng tôi hỗ trợ giải ngân khoản vay từ {money} tới {money} chỉ cần căn cước, không thẩm định, không gọi người thân. Thủ tục 15 phút, tiền về tài khoản ngay. Liên hệ ngay {phone} hoặc truy cập {url}",
    "Mình từng bị đau khớp gối tới mức không đi nổi, uống đủ thứ thuốc không đỡ. May được người quen giới thiệu cao thảo dược gia truyền, dùng 2 tuần đã đi lại được, giờ leo cầu thang bình thường. Ai đang bị như mình thì inbox mình chỉ chỗ mua, hàng có hạn nha",
    "THÔNG BÁO: Quý khách là chủ thuê bao {phone} đã được chọn nhận phần thưởng tri ân {money} nhân dịp kỷ niệm thành lập. Để nhận thưởng, vui lòng truy cập {url}, điền thông tin cá nhân và số tài khoản trước 24 giờ hôm nay. Quá hạn phần thưởng sẽ bị hủy",
    "Ai đang cần việc làm thêm thì đọc nha: nhóm mình chuyên nhận nhiệm vụ đánh giá sản phẩm cho các sàn. Mỗi nhiệm vụ được {m2}k, làm 10 nhiệm vụ được thưởng thêm. Ban đầu cần nạp một khoản nhỏ để kích hoạt tài khoản, làm xong hoàn lại cả vốn lẫn hoa hồng. Nhắn {handle} để vào nhóm",
    "nha em co may con ga trong nuoi tha vuon hon 6 thang, thit chac ngot, lam dam gio hay cung ram deu dep. gia {m2}k/kg, ai lay em lam san giao tan nha trong xa. goi em {phone} hoac nhan zalo nha ca nha",
    "Cơ hội cuối cùng trong năm! Tham gia hệ thống kinh doanh của chúng tôi, bạn chỉ cần giới thiệu 3 người, mỗi người giới thiệu tiếp 3 người, thu nhập tự động tăng theo cấp số nhân. Nhiều thành viên đã mua nhà mua xe sau 6 tháng. Đăng ký hội thảo miễn phí tối nay tại {url}",
    "Em chào các anh chị trong nhóm, em xin phép admin giới thiệu: em mới mở tiệm nail và gội đầu ở {place}, làm kỹ, dụng cụ vệ sinh sạch sẽ, giá sinh viên. Tuần đầu khai trương giảm 20% cho các chị trong xóm, có nhận làm tại nhà cho người lớn tuổi. Gọi em {phone} đặt lịch nha",
    "Tin vui cho bà con: chương trình hỗ trợ người dân vùng lũ của quỹ từ thiện đang phát {money} mỗi hộ. Chỉ cần bấm vào {url}, nhập họ tên, số CCCD và số tài khoản ngân hàng để được duyệt. Hạn chót đến hết tuần này, bà con chia sẻ cho nhau cùng nhận",
]

M["ext_spam"] = [
    "Hàng có sẵn, giao ngay trong ngày.", "Bao đổi trả nếu không ưng.", "Inbox em để được giá tốt nhất.", "Số lượng có hạn, nhanh tay.",
    "Uy tín làm nên thương hiệu.", "Ai cần thì nhắn em, em tư vấn nhiệt tình.", "Giá tốt cho bà con trong nhóm.",
    "Em xin phép admin đăng bài ạ.", "Cam kết hoàn tiền nếu không hiệu quả.", "Đã có hàng nghìn khách hàng tin dùng.",
    "Ưu đãi kết thúc lúc 12 giờ đêm nay.", "Nhận hàng kiểm tra rồi mới thanh toán.", "Ai giới thiệu bạn bè được thưởng thêm.",
    "Không cần đặt cọc.", "Liên hệ {phone} gặp {name}.", "Chi tiết xem ở {url}.",
]

# ---- more, written after the first length-balanced run --------------------------------------
M["spam_short"] += [
    "bán {fruit} {m2}k/kg", "ib em mua {product}", "{product} giá rẻ ib", "sale {product} nè", "vay {money} online",
    "bán {pet} con ib", "ai mua {product} k", "xả {product} {m2}k", "{product} chính hãng ib", "bán {bike} cũ {money}",
    "thuốc {product} ib", "làm nhiệm vụ {m2}k/đơn", "xem clip nhận {m2}k", "nhận {money} tại {url}", "kèo bóng {url}",
    "cho thuê phòng {pn} ib", "tuyển ctv {product}", "bình chọn giúp e {url}",
]
M["spam_long"] += [
    "Em chào cả nhà, em bán {product} nhà làm, không chất bảo quản, đóng hũ sạch sẽ. Mỗi hũ {money}, mua 3 hũ em tặng 1. Em giao tận nơi trong phường, ở xa em gửi xe khách. Ai ăn thử thấy ngon thì ủng hộ em lâu dài nha, nhắn em {phone}",
    "Tuyển gấp 20 người làm việc tại nhà: chỉ cần nghe nhạc và bấm thích, mỗi ngày làm 30 phút, nhận {money}. Không cần kinh nghiệm, không cần vốn, trả lương mỗi ngày qua tài khoản ngân hàng. Ưu tiên nội trợ, sinh viên, người lớn tuổi. Nhắn Zalo {phone} để được thêm vào nhóm làm việc",
    "Thuốc gia truyền của dòng họ em chữa dứt điểm bệnh gút, sỏi thận, huyết áp cao chỉ sau một liệu trình. Đã có hàng trăm người khỏi bệnh, không cần uống thuốc tây nữa. Hàng làm theo đơn, số lượng có hạn mỗi tháng. Ai có người nhà bị bệnh nhắn em {phone} em tư vấn miễn phí",
    "Chị em ơi ai đang cần đồ bộ, váy ngủ cho mùa hè thì ghé shop em nha. Vải cotton mềm mát, không xù lông, đủ size từ 40 tới 70kg. Giá chỉ {m2}k/bộ, mua từ 3 bộ freeship. Em ở {place}, ai gần qua thử đồ trực tiếp, ai xa em ship COD kiểm hàng rồi mới trả tiền",
]

# ---- round 12 --------------------------------------------------------------------------------
M["spam_short"] = [s.replace("ai mua {product} k", "ai mua {product} e bán rẻ") for s in M["spam_short"]]
M["spam_polished"] += [
    "🎁 QUÀ TẶNG TRI ÂN 🎁 Khách hàng đăng ký thành viên hôm nay nhận ngay voucher {money}. Áp dụng toàn hệ thống. Đăng ký: {url}",
    "🌿 {product} - Sạch từ nông trại đến bàn ăn 🌿 ✔️ Không chất bảo quản ✔️ Giao hàng 2h nội thành ✔️ Đổi trả 7 ngày. Đặt hàng: {phone}",
    "📢 TUYỂN GẤP 📢 Nhân viên kho, bốc xếp, đóng gói. Lương {money}/tháng + thưởng. Bao ăn ở. Nhận hồ sơ tới hết tuần. LH: {phone}",
    "HỖ TRỢ TÀI CHÍNH 24/7 ✅ Vay tín chấp đến {money} ✅ Duyệt hồ sơ trong 30 phút ✅ Không cần chứng minh thu nhập. Liên hệ ngay {phone}",
    "⭐ ƯU ĐÃI CUỐI TUẦN ⭐ Gói chăm sóc da chuyên sâu chỉ {money}, tặng kèm 1 buổi massage mặt. Đặt lịch trước qua {phone}",
    "🏠 CHO THUÊ CĂN HỘ MINI 🏠 Full nội thất, giờ giấc tự do, gần chợ {pn}. Giá {money}/tháng. Xem phòng liên hệ {phone}",
]
M["spam_job"] += [
    "ai muốn làm thêm buổi tối thì ib e, việc nhẹ nhàng chỉ cần chụp màn hình gửi lại, 1 ngày vài trăm nghìn",
    "tuyển cộng tác viên bán hàng online không cần vốn, lấy hàng giá sỉ, hưởng chiết khấu {n2}%, {cta}",
    "việc làm tại nhà cho người lớn tuổi: xâu hạt vòng, làm hoa giấy, bao tiêu sản phẩm, đặt cọc nguyên liệu {money}, {cta}",
    "tuyển người chạy quảng cáo dạo, chỉ cần có zalo, đăng bài theo mẫu được {m2}k một bài, {cta}",
    "Tuyển 10 bạn nữ làm lễ tân, tiếp viên nhà hàng ở {province}, lương {money}/tháng, bao ăn ở, không cần kinh nghiệm, {cta}",
    "xem quảng cáo trên app {w1}{w2} mỗi ngày 20 phút nhận {money}, mời bạn bè được thưởng, {cta}",
    "tuyen ctv ban hang tren tiktok, hoa hong cao, khong can von, inbox de nhan viec",
    "tuyển người giữ xe, bảo vệ ca đêm, lương {money}, phải đóng phí đồng phục trước, {cta}",
]
M["spam_sale_casual"] += [
    "nhà dư 2 bao lúa giống, ai cần lấy lại giá gốc",
    "e có cái xe đạp điện cũ còn chạy ngon, ai cần e để lại {money}",
    "mùa này nhà e có măng cụt, {m2}k/kg, hái tại vườn, bà con ai ăn nhắn e",
    "nhận đặt bánh chưng bánh tét tết, nhà gói bằng nếp ngon, ai đặt sớm e giảm giá",
    "chị nào mua son phấn hàng xách tay thì ghé nhà em coi, em để giá bạn bè",
    "nhà có mấy con gà mái đẻ trứng đều, bán lại {m2}k/con, ai nuôi ib",
]

# ---- round 13: more short offers, so short spam is not a few phrasings ------------------------
M["spam_short"] += [
    "tuyển người xem clip tính tiền", "xem video trả tiền ib", "like fanpage nhận {m2}k", "làm nhiệm vụ rút tiền liền",
    "việc online {money}/ngày", "cần ctv nữ làm tại nhà", "tuyển gấp 5 bạn làm online", "đánh giá shop nhận tiền",
    "vay tiền chỉ cần cccd", "giải ngân {money} trong 5p", "hỗ trợ nợ xấu ib", "rút tiền thẻ tín dụng 1%",
    "nhận quà 0đ tại {url}", "bấm {url} nhận {money}", "chia sẻ nhận {money}", "vote bé {name} giúp e",
    "cao gắm xương khớp ib", "thuốc nam dạ dày ib", "rượu ba kích bổ thận", "trà thảo mộc hạ đường",
    "e bán {fruit} nhà trồng", "{fruit} ngọt {m2}k ký", "bánh tráng {m2}k bịch", "nem chua {m2}k chục",
    "sale sập sàn {product}", "{product} giảm 50%", "freeship {product} ib", "hàng Thái về ib e",
    "bán {pet} thuần chủng", "nhận may đồ, sửa đồ", "sửa máy lạnh tại nhà", "thông cống 24/7 {phone}",
    "cho thuê xe tự lái", "bán đất {pn} sổ hồng", "nhà cái uy tín {url}", "soi cầu chuẩn ib",
    "tuyen ctv online", "vay nhanh ib e", "ban {fruit} gia re", "xem video kiem tien",
]

# ---- round 16: text-message style promotions (carrier, brand, short codes) -------------------------
M["spam_sms"] = [
    "(QC) Mung sinh nhat, tang ban uu dai giam {n2}% khi mua sam tai {w1}{w2}. Chi tiet: {url}. Tu choi QC soan TC gui 9{d3}",
    "TB: Quy khach duoc tang goi cuoc data 5GB/ngay chi {m2}k/thang. Soan DK {w3} gui 9{d3} de dang ky. LH 18001091",
    "KM: Nap the hom nay nhan 50% gia tri the nap. Ap dung den 23h59. Chi tiet {url}",
    "[{w1}{w2}] Ban nhan duoc voucher {money} cho don hang tiep theo, han su dung 3 ngay. Mua ngay tai {url}",
    "Chuc mung thue bao {phone} trung thuong chuong trinh tri an, vui long truy cap {url} de nhan qua trong 24h",
    "(QC) Dien may {w1}{w2} sale cuoi nam: tivi, tu lanh, may giat giam den 49%, tra gop 0%. Xem ngay {url}",
    "Quý khách được cộng {money} vào tài khoản khuyến mãi khi gia hạn gói cước trước ngày {dd}/{mo}. Soạn GH gửi 9{d3}",
    "(QC) Hoc tieng Anh online 1 kem 1 chi {m2}k/buoi, tang 2 buoi hoc thu. Dang ky: {url}",
    "Vay tieu dung den {money}, lai suat tu 0.8%/thang, giai ngan 24h. Goi {phone} hoac vao {url}",
    "{w1}{w2}: Tai khoan cua ban se bi khoa do chua xac thuc. Xac thuc ngay tai {url} de tranh gian doan",
    "(QC) Bao hiem suc khoe chi tu {m2}k/thang, chi tra vien phi den {money}. Tu van mien phi {phone}",
    "Tin nhắn từ tổng đài: bạn đã được chọn tham gia chương trình quay số trúng xe máy, xác nhận tại {url}",
    "KHUYEN MAI SOC: mua 1 tang 1 tat ca mon tai chuoi tra sua {name}, chi hom nay. Dat qua app {w1}{w2}",
    "(QC) Du an can ho {pn} Riverside mo ban dot cuoi, chiet khau 10%, nhan nha ngay. LH {phone}",
    "Ban co 1 don hang chua thanh toan phi giao hang {m2}k. Thanh toan tai {url} de nhan hang hom nay",
    "Goi cuoc {w3}{n2}: {m2}k/thang mien phi goi noi mang duoi 10 phut. Soan {w3}{n2} gui 9{d3}. Tu choi soan TC",
]
M["spam_body"] = [
    "em bán thêm {product} đây ạ, hàng mới về, ai cần nhắn em nha, giá {money}",
    "thanh lý gấp {product}, dùng chưa tới một tháng, giá {money}, ai mua liên hệ {phone}",
    "nhận làm hồ sơ vay vốn ngân hàng, hỗ trợ cả người không chứng minh thu nhập, phí trọn gói {money}, {cta}",
    "ai cần tìm người giúp việc theo giờ, trông trẻ, chăm người già ở {place} thì liên hệ em {phone}",
    "học lái xe ô tô bao đậu, học phí {money}, có xe đưa đón tận nhà, {cta}",
    "dịch vụ làm sạch sofa, nệm, rèm tại nhà ở {place}, giá {money} trọn gói, {cta}",
    "tuyển sinh lớp năng khiếu vẽ, múa, võ cho bé hè này ở {place}, giảm {n2}% cho bé đăng ký sớm, {cta}",
    "em nhận chụp ảnh cưới, kỷ yếu, sinh nhật giá sinh viên, {cta}",
    "cần bán nhà cấp 4 ở {place}, {n}m2, sổ hồng riêng, giá {money} thương lượng, {cta}",
    "thu mua phế liệu giá cao tận nhà: sắt, nhôm, đồng, giấy vụn, gọi {phone}",
]
