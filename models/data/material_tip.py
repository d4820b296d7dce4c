"""Round 11 hand-written material, tip and lost_item: short and long, calm and panicked,
with and without diacritics and teencode; long lost-pet posts (not urgent, not tip).

Written for this project (see README.md).
"""

M: dict[str, list[str]] = {}

# ---- tip, not urgent -----------------------------------------------------------------------
M["tip_short2"] = [
    "nhà em bị trộm xe r", "nha e vua mat xe", "mat trom o hem {n}", "hẻm {n} có sòng bài", "co nguoi la rinh nha",
    "lại mất gà nữa rồi", "bị giật điện thoại", "xe em bị bẻ khóa", "có ổ cờ bạc ở {pn}", "tụi nó đua xe nữa",
    "nghi bán ma túy ở {pn}", "bị lừa mất {money} rồi", "số lạ giả công an nè", "mất trộm bình gas", "nha tui mat cho",
    "trộm vào tiệm {name}", "xe tải chạy ẩu quá", "tụi nó hút bóng cười", "có kẻ lạ đi dòm nhà", "mất ví trong nhà lúc ngủ",
    "bi trom cay cua", "tối qua mất xe đạp", "xóm {pn} bị trộm chó", "có đá gà ăn tiền", "bị đòi nợ thuê tạt sơn",
    "mất 2 con bò đêm qua", "tài khoản zalo bị hack", "ổ ghi đề ở chợ {pn}", "co dua xe tren {street}",
]
M["tip_long"] = [
    "Em xin phép báo với anh CSKV một việc. Khoảng 2 giờ sáng nay nhà em ở {place} nghe tiếng động ngoài sân, sáng ra thì thấy chiếc xe {bike} dựng trong nhà để xe đã mất, ổ khóa bị phá. Camera nhà bên cạnh có quay được 2 người đi xe máy tới, đội mũ kín mặt. Em đã giữ đoạn clip, nhờ anh xuống xác minh giúp",
    "nha em o {place} toi qua bi trom vao, no leo tuong sau nha roi cay cua so, lay mat cai laptop voi {money} tien mat de trong tu. sang nay em moi phat hien, da goi dien cho cong an xa nhung chua thay ai xuong. nho anh CSKV xem giup, camera nha em co quay duoc",
    "Mấy tháng nay khu {place} có một căn nhà cho thuê, người ra vào toàn lạ mặt, đêm nào cũng tụ tập tới sáng, xe đậu kín hẻm. Bà con nghi là đánh bạc hoặc sử dụng ma túy vì có lần thấy kim tiêm vứt ra bãi rác. Mọi người ngại va chạm nên không ai nói, em xin giấu tên, nhờ công an kiểm tra giúp",
    "Báo để bà con cảnh giác và nhờ công an xử lý: chiều qua mẹ em ở nhà một mình thì có người gọi nói là cán bộ bảo hiểm xã hội, bảo mẹ em còn tiền chưa lĩnh, phải cài ứng dụng để nhận. Mẹ em làm theo, tới tối thì tài khoản mất {money}. Em đã lên ngân hàng khóa thẻ, giờ muốn làm đơn trình báo thì nộp ở đâu ạ",
    "Dạ em báo: đoạn đường {street} gần {landmark} mỗi tối từ 10 giờ là có cả chục xe máy tụ tập, nẹt pô, bốc đầu, lạng lách, có đứa còn mang theo gậy. Hôm rồi suýt tông một ông cụ đi bộ. Người dân hai bên đường không ngủ được. Mong công an phường bố trí tuần tra khung giờ này",
    "Thưa anh công an xã, nhà ông {name} ở {place} thường xuyên say rượu về đánh vợ con. Tối qua hàng xóm nghe tiếng la hét, sáng nay thấy chị ấy bị bầm mắt, đứa nhỏ không dám về nhà. Chị ấy không dám lên tiếng nên em thay chị phản ánh, mong anh xuống nói chuyện và bảo vệ mẹ con chị",
    "Tui kể lại cho {all} cảnh giác: sáng nay có 2 người đi xe tải nhỏ vô xóm nói thu mua đồ cũ, vừa đi vừa nhìn vô mấy nhà. Tới trưa thì nhà {person} phát hiện mất cái máy bơm với bộ đồ nghề để sau hè. Xe màu trắng, biển số có số {d3}. Nhờ công an kiểm tra giúp",
    "Em bị lừa rồi anh ơi. Em thấy quảng cáo tuyển cộng tác viên làm nhiệm vụ trên mạng, lúc đầu làm vài đơn nhỏ được trả tiền thật, sau đó họ bảo nạp đơn lớn {money} mới rút được. Em nạp xong thì họ khóa tài khoản, chặn luôn. Em đã chụp lại hết tin nhắn và số tài khoản, nhờ anh hướng dẫn em làm đơn",
    "Báo cáo anh CSKV: xe ben chở đất của công trình ở {place} chạy qua đường liên xóm suốt ngày đêm, chở quá tải, đất rơi đầy đường, trời mưa trơn trượt. Tuần trước có một cháu học sinh đi xe đạp bị té gãy tay. Bà con đã nói với chủ thầu nhưng họ không nghe, mong công an kiểm tra xử lý",
    "ai o {place} de y giup: may dem nay cu khoang 1-2h sang la co hai dua cuoi chiec {bike} khong gan bien lang vang trong hem roi dung lai truoc may nha de xe ngoai san. nha tui mat cai guong xe voi binh xang bi hut. tui da bao to truong, nho cong an tuan tra them khung gio do",
    "Nhà em ở {place} có con trai 16 tuổi, dạo này hay đi với một nhóm lớn tuổi hơn, về nhà thì mắt đỏ, người lờ đờ, tiền trong nhà mất dần. Em lục balo thấy mấy gói nhỏ không biết là gì. Em lo cháu dính ma túy mà không biết làm sao, xin công an tư vấn và để ý giúp nhóm đó, em xin giấu tên",
    "Hôm qua em đi ngang {place} thấy một người đàn ông có khuôn mặt rất giống người trong thông báo truy nã dán ở nhà văn hóa, có hình xăm ở cổ tay. Hắn ngồi quán nước khoảng 1 tiếng rồi đi xe {bike} về hướng {street}. Em không chắc lắm nhưng vẫn báo để anh công an nắm",
    "Chuyện là tối chủ nhật vừa rồi ở quán nhậu {place} có hai nhóm cãi nhau rồi xô xát, một thanh niên bị đánh vỡ đầu phải đưa đi viện. Nhóm kia bỏ chạy, có người nghe nói tụi nó hẹn sẽ quay lại. Quán vẫn mở bình thường, bà con xung quanh lo lắm, nhờ công an xác minh và răn đe",
    "Xin chào các anh công an phường. Em là chủ tiệm tạp hóa ở {place}. Mấy tuần nay có một người phụ nữ hay vào mua đồ rồi trả bằng tờ 200 nghìn, em để ý thì phát hiện tờ tiền có dấu hiệu giả, cầm thấy trơn và không có sợi bảo an. Tiệm khác trong chợ cũng bị. Em giữ lại 2 tờ, nhờ anh xuống xem",
    "minh bi mat dien thoai tren xe buyt tuyen {n2} chieu nay, luc xuong tram moi biet bi moc tui. trong may co tai khoan ngan hang, minh da khoa sim roi. ai cung di tuyen do thi coi chung, co 1 thanh nien hay dung sat cua. nho cong an phuong huong dan minh lam don",
]
# ---- tip, urgent: explicit emergency cues -----------------------------------------------------
M["urg_short2"] = [
    "cháy!!! {place}", "CỨU VỚI CÓ CƯỚP", "đánh nhau ở chợ {pn} có dao", "cuu voi chay nha", "có người chết đuối cứu với",
    "trộm đang trong nhà em", "nó cầm dao kìa", "cháy lớn lắm rồi", "cuop cuop", "gọi 114 giùm, cháy", "có người bị đâm",
    "bé nhà em mất tích rồi", "cuu, co nguoi bi duoi nuoc", "xe lật, người kẹt", "nổ bình gas rồi", "cứuuu",
    "đang có hỗn chiến ngoài {place}", "có đứa cầm súng", "ai cứu bà cụ với", "cháy xưởng {pn}", "chay nha {person}",
]
M["urg_long"] = [
    "Công an ơi cứu với!!! Ngay lúc này ở {place} có một nhóm hơn 10 thanh niên cầm {weapon} đang rượt chém nhau, một người đã bị chém gục trước cửa nhà em, máu chảy nhiều lắm. Em đã đóng cửa trốn trong nhà, gọi 113 mà máy bận. Ai ở gần gọi cấp cứu giúp với",
    "Cháy nhà ở {place} rồi bà con ơi, lửa bốc lên từ tầng trệt tiệm điện máy, khói đen kín hẻm, trên lầu còn có ông bà cụ với 2 đứa nhỏ chưa xuống được. Em đã gọi 114, ai ở gần mang bình chữa cháy với thang tới giúp, nhanh lên",
    "Con em {age} tuổi đi chơi trước nhà ở {place} từ lúc 5 giờ chiều, giờ đã gần 8 giờ tối vẫn chưa thấy về, đi tìm khắp xóm, hỏi hàng xóm không ai thấy. Bé mặc {shirt}, tóc ngắn. Em sợ quá, nhờ công an và bà con giúp tìm ngay giùm em",
    "có trộm đang ở trong nhà hàng xóm em ở {place}, nhà đó đi vắng, em nghe tiếng đập phá bên trong, thấy đèn pin rọi lung tung. Ngoài cổng có 1 đứa đứng canh với chiếc xe {bike}. Em không dám ra, anh công an tới ngay giúp em, tụi nó chưa đi",
    "Cứu với mọi người ơi, ở đoạn sông gần bến {pn} có 2 đứa nhỏ đang bị nước cuốn, một đứa chìm rồi, người lớn đang nhảy xuống cứu mà nước chảy xiết quá. Ai có thuyền hay phao mang ra giúp, gọi cấp cứu 115 với",
    "cuu voi, thang chong nha ben say ruou dang cam {weapon} doa giet vo con, chi ay om con chay qua nha em tron, no dang dap cua nha em. em o {place}, cong an toi lien giup em voi, em so lam",
    "Vừa xảy ra cướp ở {place}: 2 thanh niên đi xe {bike} biển số {plate} kề {weapon} vào cổ chị bán vé số, giật túi tiền rồi chạy về hướng {street}. Một đứa mặc {shirt}. Tụi nó mới chạy được 5 phút, ai ở hướng đó để ý, công an chặn giúp",
    "Khẩn cấp: xe tải mất lái tông vào mấy quán ven đường ở {place}, có ít nhất 3 người nằm dưới gầm xe, một người bất tỉnh. Bà con đang cố kéo ra mà không được. Cần xe cấp cứu và cứu hộ ngay, em đã gọi 115 nhưng chưa tới",
    "mn oi co nguoi dang dung tren lan can cau {pn} doi nhay xuong song, nguoi ta dang khuyen ma khong chiu vo, cong an voi cuu ho toi gap giup",
    "Bà ngoại em {old_age} tuổi bị lẫn, sáng nay 9 giờ ra khỏi nhà ở {place} tới giờ trời tối rồi vẫn chưa về, không mang điện thoại, mặc {shirt}, đi dép tổ ong. Trời lạnh mà bà có bệnh tim, cả nhà lo quá, mọi người thấy bà ở đâu giữ bà lại và gọi em {phone} giúp",
    "Nghe mùi gas nồng nặc từ căn nhà khóa cửa ở {place}, gõ cửa không ai trả lời, trong nhà có tiếng điện thoại reo. Em sợ có người bị ngất trong đó hoặc sắp nổ. Bà con đã ngắt cầu dao khu vực, nhờ công an và cứu hỏa tới ngay",
    "Cảnh sát ơi có một nhóm đòi nợ đang xông vào nhà {person} ở {place}, cầm {weapon} đập phá đồ đạc, đánh cả người nhà, tiếng la hét cả xóm nghe. Đã mấy phút rồi tụi nó vẫn chưa đi, mọi người không dám can, xin xuống gấp",
]

# ---- sentences that lengthen a tip ------------------------------------------------------------
M["ext_tip"] = [
    "Em đã quay được clip.", "Chuyện này xảy ra mấy lần rồi.", "Bà con trong hẻm ai cũng lo.", "Em không dám ra mặt.",
    "Camera nhà {person} có quay được.", "Em đã báo tổ trưởng nhưng chưa thấy xử lý.", "Nhờ anh em dân quân tuần tra thêm.",
    "Sáng nay em đi làm nên giờ mới báo.", "Người đó khoảng 30 tuổi, nói giọng miền ngoài.", "Xe không có biển số.",
    "Em có giữ lại tin nhắn làm bằng chứng.", "Mong công an giữ bí mật cho em.", "Nhà em có người già với con nhỏ nên sợ lắm.",
    "Đã có mấy nhà khác bị như vậy.", "Tiền mất không nhiều nhưng sợ tụi nó quay lại.", "Ai có thông tin thêm thì báo công an giúp.",
]
M["ext_urg"] = [
    "Nhanh lên giùm em!", "Tụi nó vẫn còn ở đó.", "Có người bị thương rồi.", "Em gọi 113 không ai nghe.", "Cứu với!!!",
    "Ai ở gần chạy ra giúp với.", "Em đang ở ngay đó.", "Gọi giúp em 113 với.", "Làm ơn tới liền.",
    "Người ta đang kêu cứu.", "Không kịp nữa đâu.", "Em run quá không gõ nổi.", "Ai thấy gì báo liền giùm.",
]

# ---- lost_item --------------------------------------------------------------------------------
M["lost_short"] = [
    "ai thấy ví đen ko ạ", "nhặt đc cccd tên {name}", "mất chìa khóa xe ở chợ", "ai lượm điện thoại k", "rơi cái bóp ở {pn}",
    "chó nhà em lạc rồi", "mèo vàng đi lạc", "tìm chủ cái ví", "mất bằng lái rồi", "ai nhặt nhẫn vàng k", "nhặt được chìa khóa",
    "rot dien thoai o cho", "mat vi roi ai thay k", "lam mat the ATM", "tìm con chó mực", "mất con vẹt", "bò sổng chuồng rồi",
    "ai mất con gà trống k", "nhặt được cái mũ bảo hiểm", "con mèo mướp lạc đâu rồi", "rớt cà vẹt xe", "mất giấy tờ xe",
    "đã tìm lại được ví, tks cả nhà", "nhận lại chó rồi nha", "ai thấy con Corgi k",
]
M["lost_pet_long"] = [
    "Nhà em bị lạc con chó {pet} tên {name} từ chiều hôm qua ở khu {place}. Bé lông màu {color}, đeo vòng cổ đỏ có chuông, rất hiền, gọi tên là quay lại. Bé theo nhà em 5 năm rồi, tụi nhỏ khóc cả đêm. Ai thấy hoặc đang giữ bé cho em xin lại, em hậu tạ {money}, gọi em {phone}",
    "Mọi người ơi giúp em tìm con mèo tam thể tên Mochi, bé đi lạc từ tối thứ bảy ở {place}. Bé nhát người, hay trốn dưới gầm xe hoặc bụi cây, có vết cắt nhỏ ở tai trái. Bé đã triệt sản nên không đi xa đâu. Ai thấy nhắn em, em tới đón liền, có hậu tạ",
    "Nha minh mat con cho co long vang, tai cup, dang hoi map, ten Vang. Chieu qua mo cong cho xe vo thi no chay ra, toi gio chua ve. Con cho nay theo ong noi minh lau roi, ong buon lam. Ai o gan {place} thay no thi goi minh {phone} nha, hau ta",
    "Em xin đăng tin tìm chó: con Corgi cái 2 tuổi, lông vàng trắng, đuôi cụt, mặc áo len xanh, đi lạc lúc sáng sớm khi em dắt đi dạo ở công viên {pn}. Bé sợ xe nên có thể chạy vào hẻm. Em tìm cả ngày rồi mà chưa thấy, ai thấy giữ bé giúp, em gửi tiền cảm ơn",
    "Bầy vịt nhà tui hơn 40 con chạy đồng ở {place}, chiều qua lùa về thì thiếu mất chục con, chắc theo dòng nước xuống mương dưới. Vịt nhà tui có quét sơn xanh ở lưng, ai thấy thì giữ lại giùm, tui qua nhận và gửi tiền công",
    "Con vẹt xanh nhà em biết nói 'chào khách', sáng nay em mở lồng cho ăn thì nó bay mất, đậu trên cây gần {landmark} một lúc rồi bay tiếp. Ai thấy con vẹt nói tiếng người thì báo em, em hậu tạ, nó là quà ba em tặng trước khi mất",
    "Cả nhà ơi con bò cái màu vàng của nhà em sổng dây từ trưa qua ở bãi cỏ ven sông {pn}, trên tai có bấm thẻ số {n}. Đi tìm dọc bờ sông tới tối không thấy. Con bò đang mang thai nên nhà em lo lắm. Ai thấy báo giúp em, em xin cảm ơn",
    "Tin vui: con mèo mướp nhà mình đi lạc 4 ngày đã tự về, ốm nhom nhưng khỏe. Cảm ơn mọi người trong xóm đã chia sẻ tin và để ý giúp. Nhất là chị {name} đã nhắn báo thấy nó ở sau chợ. Thương mọi người nhiều",
    "Em nhặt được một bé chó con khoảng 3 tháng, lông đen trắng, có vòng cổ nhưng không có số điện thoại, đang lạc ở {place} từ sáng, run lẩy bẩy. Em đem về nhà cho ăn uống tạm. Chủ nhà ai mất bé thì nhắn em, mô tả đúng em trả, không cần hậu tạ",
]
M["lost_long"] = [
    "Em xin lỗi vì làm phiền nhóm. Sáng nay em đi chợ {pn} về thì phát hiện rơi mất cái ví màu {color}, trong có CCCD tên {full_name}, thẻ ATM, bằng lái và khoảng {money}. Tiền thì không sao nhưng giấy tờ làm lại mất công lắm. Người nào lượm được thì làm ơn trả giấy tờ giúp em, em gửi tiền cà phê",
    "Thông báo tìm đồ: chiều qua em đi xe từ {place} về {place}, trên đường bị rớt một túi hồ sơ màu xanh, trong có bằng tốt nghiệp đại học, học bạ và giấy khám sức khỏe để nộp xin việc. Mấy giấy tờ này với người khác không có giá trị gì. Ai lượm được liên hệ em {phone}, em hậu tạ",
    "mình có nhặt được 1 cái điện thoại {phone_model} ở trạm xe buýt gần {landmark} lúc 7h sáng nay, máy có mật khẩu nên không gọi được cho người thân. Ai mất thì nhắn mình, nói đúng màu ốp và hình nền mình trả lại. Mình cũng đã báo bảo vệ ở đó",
    "Con em học lớp 3 trường {school}, chiều nay tan học làm mất chiếc xe đạp màu hồng có giỏ phía trước. Cháu dựng ở ngoài cổng rồi đi mua bánh, quay lại không thấy. Không biết bạn nào lấy nhầm hay dắt đi, ai thấy chiếc xe như vậy báo giúp nhà em, cháu khóc quá",
    "Cảm ơn anh {name} bên tổ {n} rất nhiều. Hôm qua em làm rơi túi tiền {money} lúc đi đám cưới, cứ nghĩ mất rồi. Sáng nay anh ấy mang tới tận nhà trả lại, không lấy một đồng cảm ơn. Người tốt thật, em muốn lên nhóm cảm ơn công khai",
]
M["ext_lost"] = [
    "Đồ không đáng bao nhiêu nhưng là kỷ niệm.", "Em cảm ơn cả nhà đã đọc tin.", "Ai share giúp em với.", "Em có hậu tạ.",
    "Em đã tìm quanh đó mà chưa thấy.", "Có thể rơi lúc em dừng đổ xăng.", "Nhà em ở {place}.", "Gọi em giờ nào cũng được.",
    "Em đã gửi thông tin cho bảo vệ chợ.", "Mong người nhặt được thương tình trả lại.",
]

# ---- lengthening sentences shared by every category (no category cue) --------------------------
M["filler_any"] = [
    "Xin phép admin.", "Dạ em mới vào nhóm.", "Xin lỗi em nhắn hơi dài.", "Chuyện là vầy.", "Cảm ơn mọi người đã đọc.",
    "Em gửi kèm hình ở dưới.", "Mong cả nhà thông cảm.", "Em chào cả nhóm.", "Có gì sai sót mong mọi người bỏ qua.",
    "Em nhắn lúc này vì giờ mới rảnh.", "Anh chị đọc giúp em.", "Mọi người cho em hỏi chút.",
]

# ---- more, written after the first length-balanced run --------------------------------------
M["lost_short"] += [
    "ai thấy {animal} k", "mất {item}", "nhặt được {item}", "rơi {item} ở {pn}", "lượm được {item} nè", "tìm {animal}",
    "ai lượm {item} ko", "{animal} nhà em lạc", "tìm chủ {item}", "mat {item} roi", "nhat dc {item}", "bé {pet} đi lạc",
    "đã nhận lại {item}", "rớt {item} trên xe buýt", "{animal} đi lạc vô nhà em", "ai mất {animal} k ạ",
]
M["tip_short2"] += [
    "nhà {person} mất trộm", "{place} có sòng bài", "lại trộm {stolen}", "mất {stolen} rồi", "bị lừa {money}",
    "trộm {stolen} ở {pn}", "có tụ điểm ma túy {pn}", "xe quá tải qua {pn}", "đánh bạc ở {pn} nữa", "mat {stolen}",
]
M["urg_short2"] += [
    "cháy ở {place}, cứu", "cứu, {place} đánh nhau", "có cướp ở {pn}", "đuối nước ở {pn}, cứu", "cháy nhà rồi, gọi 114",
    "trộm đang cạy cửa {pn}", "cuu, chay o {pn}", "có người cầm {weapon} ở {pn}", "con em mất tích, cứu",
]
M["lost_pet_long"] += [
    "Em tìm con mèo Anh lông ngắn màu xám tên Bơ, đi lạc từ tối hôm qua ở khu {place}. Bé mập, mắt tròn màu cam, không đeo vòng. Nhà em nuôi bé từ lúc mới 2 tháng nên thương lắm, mấy đêm nay ngủ không được. Ai có camera quay được bé hoặc thấy bé ở đâu nhắn em với, em hậu tạ",
    "nha em lac con cho Phu Quoc mau vang, co xoay o lung, ten Mi, tu sang hom kia o {place}. Be nhat nguoi la, ai goi la bo chay. Em da di tim het may xom ben canh, dan giay tim cho o cho. Ai thay giu be lai giup em, em xin hau ta {money}, goi em {phone}",
    "Xin mọi người chia sẻ giúp: con chó Poodle màu nâu đỏ, mới cắt lông, mặc áo sọc, đi lạc chiều nay khi em mở cổng ở {place}. Bé già rồi, mắt kém, không tự tìm đường về được. Em đi tìm khắp nơi tới giờ vẫn chưa thấy, ai thấy gọi em giờ nào cũng được",
    "Đàn dê nhà tui 7 con thả ăn trên đồi {pn}, chiều qua về thiếu 2 con, 1 con đực sừng dài với 1 con cái bụng bầu. Tìm tới tối vẫn chưa thấy, sợ tụi nó lạc qua xã bên. Bà con đi rẫy thấy dê lạ thì nhắn tui, tui cảm ơn",
]
M["tip_long"] += [
    "Anh CSKV ơi, khoảng 10 ngày nay có một chiếc ô tô 7 chỗ màu {color} hay đậu ở {place} từ chiều tới tối, trong xe có 2-3 người ngồi nhìn vào khu trọ. Hôm qua tụi nó bước xuống hỏi thăm giờ giấc đi làm của mấy chị công nhân. Bà con thấy lạ nên báo anh nắm, em có chụp biển số",
    "Em muốn phản ánh: quán karaoke ở {place} mở tới 2-3 giờ sáng, khách ra về thường say xỉn, có lần đánh nhau ngoài đường, chai lọ vứt đầy. Nhiều lần bà con gọi điện nhắc mà chủ quán không nghe. Con nhỏ trong xóm không ngủ được để đi học. Mong công an phường kiểm tra giấy phép và giờ giấc",
    "Bà con coi chừng: hôm qua có 2 người mặc đồng phục giống nhân viên điện lực tới nhà ông {name} ở {place}, nói kiểm tra đồng hồ điện rồi đòi thu {money} tiền thay thiết bị. Ông đưa tiền xong hỏi lại điện lực thì không có ai được cử đi. Nhờ công an xác minh, tụi nó còn đi mấy nhà khác",
    "toi qua tui di lam ve ngang {place} thay 3 thang nho ngoi hut cai gi mui khet lam, thay tui la tui no giau. sang nay lai thay vo bao nho voi ong hut vut ben duong. xom nay nhieu con nit, tui lo lam, nho cong an xa de y khung gio toi",
]
M["urg_long"] += [
    "Mọi người ơi cháy rồi, cháy ở dãy trọ {place}, lửa bắt từ phòng cuối lan sang mấy phòng bên, có người còn kẹt trên gác. Tụi em đang dùng bình chữa cháy mà không dập được. Đã gọi 114, ai ở gần ra giúp phá cửa với, nhanh lên",
    "Gấp gấp: có người đàn ông lạ đang kéo một bé gái khoảng {age} tuổi lên xe máy ở {place}, bé khóc la không chịu đi. Xe {bike} biển {plate}, chạy về hướng {street}. Em không chắc có phải người nhà không, nhờ công an chặn lại kiểm tra liền",
]

# ---- round 12 --------------------------------------------------------------------------------
M["urg_short2"] += [
    "con em đi lạc rồi, mới 5 tuổi", "bé {age} tuổi lạc ở chợ {pn}, giúp với", "ai thấy bé trai {age} tuổi không, lạc rồi",
    "mẹ em đi lạc, bà lẫn rồi", "ong noi em di lac, ai thay bao giup", "tìm con gấp, mới lạc 10 phút", "con tui đâu rồi trời ơi",
    "có người ngất giữa đường {street}", "có ông bị tai nạn nằm đường", "có người đang đánh vợ, cứu",
]
M["tip_short2"] += [
    "nhà em mất xe tối qua", "nha e bi mat trom dem qua", "mat xe truoc cua nha", "nha toi bi trom vao lay tien",
    "trom cat khoa lay xe", "bị bẻ khóa xe trước tiệm", "bi giat tui o {pn}", "ai bị lừa qua app vay k, em bị rồi",
    "nghi có người theo dõi nhà", "có người cho vay nặng lãi ở {pn}", "em bị đánh hôm qua ở {pn}",
]
M.setdefault("tip_body", [])
M["tip_body"] += [
    "nha tui o {place} dem qua bi trom vo lay mat {stolen}, sang ra moi biet",
    "{past} nha em bi mat {stolen}, cua khong khoa nen tui no vo de lam",
    "tiem tap hoa {person} o {place} {past} bi trom cay cua lay tien trong ket",
    "xe cua em de truoc tiem {past} bi mat, biển số {plate}, ai thay bao em",
    "{past} co 2 thanh nien di xe khong bien giat dien thoai cua {person} o {place} roi chay mat",
    "mấy đứa nhỏ trong xóm bị tụi lớn ở {place} chặn lấy tiền ăn sáng, phụ huynh ai cũng bức xúc",
    "có người livestream đánh bạc online, rủ cả học sinh ở {place} chơi, phụ huynh lo lắm",
    "{home} bị người quen vay {money} rồi bỏ trốn, giờ không liên lạc được, muốn làm đơn tố cáo",
    "tại {place} có người bán pháo và thuốc lá điện tử cho học sinh ngay cổng trường",
    "{past} {me} bị một người giả làm nhân viên giao hàng lừa chuyển {money} tiền phí, nhờ {police} hướng dẫn",
    "cứ tối thứ bảy là có nhóm cá độ bóng đá tụ tập ở quán nước {place}, tiền đặt cả chục triệu",
]
M["lost_long"] += [
    "Sáng nay em đi làm ngang {place} thì làm rơi chùm chìa khóa gồm chìa xe, chìa nhà và chìa két ở tiệm, có móc khóa hình con mèo. Giờ không vô nhà được, đang phải chờ thợ. Ai lượm được nhắn em {phone}, em gửi tiền cảm ơn",
    "Mình nhặt được một túi xách nữ màu {color} ở ghế đá công viên {pn} chiều nay, bên trong có ví, giấy tờ và ít tiền. Mình đã gửi ở {police}, chủ nhân mang CCCD tới nhận nhé. Ai quen thì báo giúp",
    "Con em làm rơi cái balo đi học trên xe buýt số {n2} sáng nay, trong có sách vở, máy tính cầm tay và thẻ học sinh tên {full_name}. Sắp thi rồi nên cháu lo lắm. Ai thấy liên hệ em, em cảm ơn nhiều",
    "Cho mình hỏi có ai nhặt được chiếc nhẫn cưới bằng vàng trắng, mặt trong có khắc chữ, rơi ở khu vực chợ {pn} tầm 9 giờ sáng nay không. Nhẫn không đáng bao nhiêu tiền nhưng là kỷ niệm của hai vợ chồng, mình mong tìm lại lắm",
    "Đã tìm được chủ nhân của chiếc ví nhặt được hôm qua ở {place}. Cảm ơn mọi người đã chia sẻ bài, chủ ví là cô {name} ở tổ {n}, cô đã nhận lại đủ giấy tờ và tiền",
    "Tui mất con xe rùa với cái thang nhôm hồi chiều khi để ngoài ruộng, chắc ai mượn xài rồi quên trả. Ai lỡ cầm nhầm thì đem trả giùm tui ở {place}, không có gì đâu",
]

# ---- round 13: more short lost and found, and news-like-but-local tips ------------------------
M["lost_short"] += [
    "ai thấy chùm chìa khóa k", "rơi CCCD ở {pn}", "nhặt được ví nâu ở chợ", "mất bằng lái tên {name}", "rớt ví ở {pn} r",
    "ai lượm đt {phone_model}", "tìm chủ xe đạp bỏ quên", "nhặt được thẻ ATM tên {name}", "mèo trắng lạc ở {pn}",
    "chó vàng lạc gần chợ", "tìm chó Poodle nâu", "mất túi hồ sơ xin việc", "rơi kính cận ở {pn}", "ai mất gà không",
    "có con bò lạc ở {pn}", "nhặt cặp sách học sinh", "mất mũ bảo hiểm {color}", "tìm được ví rồi, cảm ơn",
    "đã nhận lại giấy tờ, tks", "ai thấy con mèo mướp k", "vit nha ai lac vo day", "nhat dc ví o {pn}",
    "mat chia khoa nha", "roi the sinh vien", "ai thay cho nha em k", "mất con két xanh",
]
M["tip_short2"] += [
    "có người lạ vào hẻm {n} lúc khuya", "bị trộm điện thoại ở chợ", "trộm bẻ khóa cổng {pn}", "có kẻ trộm chó ở {pn}",
    "mất trộm lúa ngoài ruộng", "bị lừa mua hàng online", "giả danh điện lực gọi nè", "nhóm đòi nợ tới nhà em",
    "tụi nó đánh bạc ở nhà hoang", "ai đó đổ trộm rác ở {pn}", "xe ben chở đất chạy ẩu", "có người say xỉn phá làng",
    "mat trom ga dem qua", "nha e bi be khoa", "bi lua qua mang {money}", "co nguoi la o {pn}",
]
M["urg_short2"] += [
    "cháy rồi!!! nhà số {n}", "có trộm đang leo tường", "đang đánh nhau có dao ở {pn}", "cướp giật ở {street}, chặn lại",
    "có người té sông {pn}", "nhà bên cháy, cứu", "cuu voi, trom trong nha", "dang chay o cho {pn}",
]

# ---- round 14: missing people, written many ways (urgent tip, never lost_item) -----------------
M["urg_missing"] = [
    "con trai em {age} tuổi mất tích từ chiều",
    "bé {name} {age} tuổi chưa về nhà, ai thấy báo em",
    "tìm người thân: ông {name} {old_age} tuổi đi đâu không về",
    "cháu nội tui đi lạc ở chợ {pn}, mặc {shirt}",
    "ai thấy một bé gái tóc ngắn mặc {shirt} đi một mình quanh {place} không, con em đó",
    "con em tan học không về, cô giáo nói cháu ra cổng từ 4 giờ",
    "mẹ em bị lẫn, đi khỏi nhà từ sáng, giờ chưa thấy, bà mặc {shirt}",
    "giúp em với, thằng cu nhà em mới {age} tuổi, chạy theo xe kem rồi mất dạng ở {place}",
    "cha tui {old_age} tuổi đi thể dục sáng sớm tới giờ không về, điện thoại tắt máy",
    "nhà em có đứa cháu {age} tuổi bỏ nhà đi từ tối qua, nghe nói đi theo bạn lên mạng quen",
    "có ai thấy ông cụ tóc bạc, chống gậy, mặc {shirt} đi lang thang ở {place} không, ông nhà em đó",
    "con gái em {age} tuổi đi chơi với bạn từ trưa, bạn về rồi mà cháu chưa về, gọi không được",
    "cuu em voi, con em {age} tuoi lac o {place}, tim nua tieng roi khong thay",
    "be trai {age} tuoi mac {shirt} lac me o cong vien {pn}, ai thay giu be giup",
    "Nhà em báo tìm người: em trai em {age} tuổi, bị thiểu năng nhẹ, đi ra khỏi nhà ở {place} từ 7 giờ sáng, mặc {shirt}, nói chưa rõ. Cả nhà tìm khắp nơi chưa thấy, ai gặp giữ cháu lại và gọi {phone} giúp em",
    "Khẩn: cháu {name} {age} tuổi học trường {school} chiều nay không có mặt ở lớp học thêm, về nhà cũng không có. Cháu mặc đồng phục, đeo balo xanh. Gia đình đã báo công an, nhờ bà con ai thấy báo ngay",
    "Bà ngoại em {old_age} tuổi bị lẫn, trưa nay ra đầu ngõ rồi đi mất. Bà đi dép nhựa, mặc {shirt}, hay đi về hướng chợ {pn}. Trời sắp tối rồi, nhà em sợ bà bị ngã hay bị xe tông, mọi người để ý giúp",
]

# ---- round 15: victims of shopping / deposit scams report them (tip, though the words are commercial)
M["tip_scammed"] = [
    "em chuyển khoản {money} đặt mua {product} trên mạng, shop nhận tiền rồi chặn em luôn, em muốn trình báo",
    "{me} đặt cọc {money} thuê homestay qua trang facebook, tới nơi thì không có phòng nào, số điện thoại không liên lạc được",
    "mẹ {me} mua thuốc {product} qua livestream, trả {money} mà nhận về toàn hàng giả, người bán biến mất, nhờ {police} giúp",
    "{me} bị lừa mua vé xem ca nhạc trên mạng mất {money}, họ gửi mã vé giả, giờ chặn hết liên lạc",
    "có trang bán hàng online tên {w1}{w2} nhận tiền cọc của nhiều người trong xóm rồi không giao hàng, tổng mất cả chục triệu",
    "{me} chuyển {money} cho người rao bán xe {bike} trên chợ mạng, tới hẹn không thấy ai, nick đã khóa",
    "tui thanh toán {money} mua tour du lịch giá rẻ qua zalo, giờ công ty đó không có thật, nhờ công an hướng dẫn làm đơn",
    "e dat coc {money} mua dien thoai tren mang, ho nhan tien xong chan e, e co giu bill chuyen khoan, muon trinh bao",
    "ba {me} bấm vào link quảng cáo vay tiền, bị lấy mất {money} phí hồ sơ mà không được vay, gia đình muốn tố giác",
    "Em xin phản ánh: tuần trước em thấy quảng cáo bán {product} giá rẻ, em chuyển khoản {money} theo hướng dẫn. Sau đó họ đòi thêm phí vận chuyển, phí bảo hiểm hàng, em chuyển tiếp rồi họ chặn. Em còn giữ đủ ảnh chụp tin nhắn và số tài khoản, mong công an giúp",
    "Nhiều người ở {place} đã bị một tài khoản tự xưng bán {fruit} sỉ lừa lấy tiền cọc, mỗi người mất {money}. Tụi em đã gom bằng chứng, muốn gửi đơn lên công an phường thì làm sao",
]

# ---- round 16: tips typed fast, in teencode or without diacritics --------------------------------------
M["tip_body"] += [
    "e moi bi giat dt o {place}, 2 thang chay xe {bike} ve huong {street}, co ai thay k",
    "mn oi nha e o {place} dem qua bi trom vo lay {stolen}, ai co cam cho e xin",
    "hem {n} toi nao cug co may dua tu tap hut chich, mn de y gium, ca xuong xem dum",
    "nha t bi mat {stolen} r, ko bit ai lay, khoa van con nguyen",
    "có ng lạ hay đứng trc cổng trường {school} dòm tụi nhỏ, ca để ý giùm e",
    "tui bi 1 so la goi tu xung ca doi chuyen {money}, mn canh giac nha",
    "ai o {place} k, toi qua co danh nhau o quan nhau, 1 ng bi thuong di vien r",
    "e nghi nha tro cuoi hem {n} ban ma tuy, khach ra vo lien tuc, ca kiem tra gium",
    "đêm qua trộm cắt khóa lấy xe {bike} nhà e ở {place}, đã báo ca mà chưa thấy ai",
]

# ---- round 17: more ways to say a child or an old person is missing right now ----------------------
M["urg_missing"] += [
    "giúp em tìm thằng cu với", "con em đâu mất rồi mọi người ơi", "ai thấy con bé nhà em không, mới đây thôi",
    "cháu em lạc mẹ ở hội chợ {pn}", "mất con rồi, cháu mới {age} tuổi", "tìm bé gái {age} tuổi tóc dài",
    "ông em đi lạc từ trưa, ông lẫn rồi", "bà cụ {old_age} tuổi đi lạc ở {pn}", "nhà em mất đứa nhỏ, cứu với",
    "tim con gap, be trai {age} tuoi", "giup tui tim me, ba lan roi", "ai giữ giùm bé trai khóc một mình ở {place}, bé nói lạc mẹ",
]
M["urg_missing"] += [
    "ai giúp em tìm con với, cháu mới lạc", "đang tìm con, ai thấy bé {name} không", "tìm con giúp em, cháu {age} tuổi",
    "mọi người giúp tìm cháu nội tui với", "tìm con gái {age} tuổi, mới lạc ở {pn}", "em đang đi tìm con khắp xóm, ai thấy báo",
    "giúp tìm con trai em, mặc {shirt}", "tìm cháu ngoại gấp, bé chưa về", "nhà em đang tìm bé {name}, lạc từ chiều",
    "cần tìm gấp bé trai {age} tuổi", "ai thấy bé {name} {age} tuổi ở {pn} báo giúp", "tìm con, tìm con, ai thấy con em không",
]
M["tip_body"] += [
    "ở {place} có nhóm người lạ đi ô tô tới hỏi mua đất giá cao rồi đòi đặt cọc trước, bà con cẩn thận kẻo bị lừa",
    "{past} nhà {person} bị người ta bẻ trộm hết mấy chậu mai kiểng trước sân, nhờ {police} để ý",
    "đêm nào cũng có xe tải đổ đất lấp ruộng trái phép ở {place}, bà con hỏi thì tụi nó hăm dọa",
    "có đối tượng mặc áo giống bên điện lực đến {place} đòi kiểm tra công tơ rồi xin tiền, {all} đừng đưa",
    "{past} có người tới nhà {me} giả làm nhân viên ngân hàng đòi cập nhật sinh trắc học, {me} nghi lừa nên không cho vào",
    "ở {place} có cơ sở massage mở cửa khuya, nghi có hoạt động không lành mạnh, khách toàn người lạ",
    "mấy đứa nhỏ ở {place} bị một người lạ rủ chơi game nạp thẻ, lấy mất tiền của ba mẹ, phụ huynh lo lắm",
    "{past} {me} bị giật túi xách khi đang đi bộ ở {place}, trong túi có điện thoại và giấy tờ, muốn trình báo",
    "nhóm thanh niên ở {place} tối nào cũng bắn ná vào bóng đèn đường và kính nhà dân",
    "{home} ở {place} bị người ta tạt axit vào xe máy để trước cổng {past}, không biết ai thù oán",
    "có người tự xưng là cán bộ xã đi thu tiền làm sổ đỏ ở {place}, hỏi xã thì không có ai như vậy",
    "quán nước ở {place} chứa nhiều máy đánh bạc đổi thưởng, học sinh hay vô chơi sau giờ học",
]
M.setdefault("lost_body", [])
M["lost_body"] += [
    "{me} để quên {item} trên xe ôm công nghệ {past}, tài xế chạy {bike}, ai quen biết báo giúp {me}",
    "có ai nhặt được {item} ở khu vực chợ {pn} không, {me} làm rơi lúc trả tiền hàng",
    "{me} tìm thấy {item} trong giỏ xe của mình, chắc ai bỏ nhầm, người mất liên hệ {phone}",
    "{me} quên {item} ở bàn quán cà phê {name} {past}, chủ quán nói không thấy, ai có cầm nhầm trả giúp",
    "con {me} làm rơi {item} ngoài sân bóng {pn}, mấy bạn chơi cùng ai thấy nhắn cô nha",
    "mới nhặt được {item} ngay trước cổng {landmark}, ai mất tới nhận, {foundcta}",
    "{animal} nhà hàng xóm chạy qua nhà {me} từ tối qua, ai là chủ tới dắt về giùm",
    "ai đánh rơi {item} trên đoạn đường {street} thì liên hệ {me}, {me} đang giữ",
]
