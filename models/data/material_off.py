"""Round 11 hand-written material, off_topic: every length and register.

Written for this project (see README.md). Loaded by generate.py; each list name is a
template family prefix (``off_story:3`` etc.), so the family-held-out split keeps
whole kinds of messages on one side.
"""

M: dict[str, list[str]] = {}

# ---- very short chit-chat (<30 chars once filled) ------------------------------------------
M["off_short"] = [
    "ok", "dạ", "vâng ạ", "dạ em cảm ơn", "hihi", "haha đúng rồi", "ngủ ngon cả nhà", "chào cả nhà", "ăn cơm chưa {all}",
    "mưa quá trời", "nóng quá", "lạnh ghê", "đã xem", "like mạnh", "hay quá", "chuẩn luôn", "😂😂😂", "🙏🙏", "ủa alo",
    "ai đi nhậu k", "mai đi câu ko", "nay ai trực", "tối đá banh nha", "{team} thắng rồi", "{team} thua cay quá",
    "giá xăng lại lên", "tiền điện cao quá", "hóng quá", "thôi khỏi", "để mai tính", "ai rảnh cà phê", "đồ điên",
    "im đi cha", "nói nhảm hoài", "kệ nó đi", "bớt bớt lại", "xàm quá", "vô duyên ghê", "cãi hoài mệt", "thôi đừng cãi nữa",
    "chúc mừng nha", "sn vui vẻ {person}", "mừng thọ bà", "rằm này đi chùa", "amen", "A Di Đà Phật", "nam mô a di đà phật",
    "cầu bình an", "trúng số đi mà", "nhớ quê ghê", "buồn quá", "chán đời", "mệt mỏi quá", "lương chưa về", "hết tiền rồi",
    "{food} ngon ghê", "thèm {food} quá", "nay nấu {food}", "ship lâu quá", "hàng về rồi nè", "đồ shopee đẹp lắm",
    "ai có sạc iphone k", "wifi nhà ai mạnh", "cúp điện rồi", "có nước chưa", "mấy giờ họp vậy", "họp ở đâu ạ",
    "dạ em nắm rồi", "đã rõ ạ", "cảm ơn anh", "tks ad", "admin ơi", "nhóm vui ghê", "ai còn thức k", "chào buổi sáng",
    "thứ hai rồi", "cuối tuần vui vẻ", "nghỉ lễ mấy ngày", "bão sắp vô", "nước lên rồi", "lúa chín rồi", "cá rẻ quá",
    "bài hát hay ghê", "ai nghe bài này chưa", "thơ hay quá", "cười xỉu", "trời ơi tin được k", "fake news đó",
    "đọc báo chưa", "tin này thật ko", "xem rồi", "ghê vậy", "tội nghiệp", "thương quá", "giỏi quá con",
]

# ---- chit-chat, replies and reactions 30-79 ------------------------------------------------
M["off_chat"] = [
    "{all} ăn sáng chưa, nay {me} ăn {food} ở chợ {pn}",
    "tối nay ai coi {team} đá không, qua nhà {me} coi chung",
    "trời hôm nay đẹp quá, đi dạo công viên {pn} thôi",
    "mai con {me} thi rồi, {all} cầu cho nó làm bài tốt nha",
    "ủa sao dạo này không thấy {person} lên nhóm nữa ta",
    "nay nhà {me} có đám giỗ, nấu {food} nhiều quá, ai qua ăn với",
    "ai biết tiệm cắt tóc nào gần {place} làm đẹp mà rẻ không",
    "ông {name} hàng xóm mới mua con chim, hót suốt sáng",
    "hôm nay {me} được nghỉ phép, ngủ tới trưa sướng ghê",
    "cuối tháng rồi, ví mỏng như lá lúa luôn {all} ơi",
    "trận tối qua {team} đá hay thiệt, {me} coi tới khuya",
    "mấy đứa nhỏ xóm mình dạo này lớn nhanh ghê, mới đó mà vô lớp 1",
    "chiều nay ai ra đồng thì nhớ mang áo mưa, trời âm u lắm",
    "nhà {me} mới trồng giàn mướp, tháng sau có mướp ăn rồi",
    "cảm ơn {person} hôm qua cho nhà {me} rổ xoài, ngọt lắm",
    "đi làm về kẹt xe ở {street} hơn tiếng đồng hồ, mệt xỉu",
    "nay {me} rảnh, ai cần phụ gì trong xóm thì kêu {me} nha",
    "con mèo nhà {me} mới đẻ 4 con, dễ thương dữ lắm",
]

# ---- long personal stories, venting (160+ chars) -------------------------------------------
M["off_story"] = [
    "Kể {all} nghe chuyện nhà {me} cho vui. Ông xã {me} tháng nào cũng hứa bỏ nhậu, vậy mà tối qua lại đi tới 11 giờ mới về, về tới nhà thì ngủ khò không thèm tắm. Sáng nay còn hỏi sao mặt vợ khó đăm đăm. Nói thiệt chứ nhiều lúc muốn bỏ về ngoại ở luôn cho rồi",
    "Hồi trẻ {me} đi làm thuê ở {province} mấy năm trời, chắt bóp từng đồng gửi về cho má. Giờ có nhà có cửa, con cái đi học đàng hoàng mà má không còn để thấy. Tối nay giỗ má, ngồi nhớ chuyện cũ tự nhiên muốn khóc, chia sẻ với {all} chút thôi",
    "Nói chuyện buồn. Con trai {me} học xong đại học 2 năm rồi mà chưa xin được việc đúng ngành, giờ đi chạy xe ôm công nghệ. Nó không than nhưng {me} biết nó buồn. Ai có kinh nghiệm cho con đi học thêm nghề gì thì chỉ {me} với, {me} cảm ơn",
    "Mấy năm nay {me} chăm mẹ chồng bị tai biến, sáng đi làm chiều về tắm rửa đút cơm cho bà. Chồng đi làm xa, anh chị em bên nội thì mỗi người một nơi. Có bữa mệt quá ngồi khóc một mình. Viết ra đây không phải để than, chỉ muốn có người nghe",
    "Chuyện là tuần trước {me} cãi nhau với bà chị dâu vì mấy chuyện cỏn con, giờ hai nhà không nhìn mặt nhau. Mẹ {me} thì buồn, cứ hỏi hoài. Ai từng trải qua chuyện chị em trong nhà giận nhau thì làm sao làm hòa vậy, {me} rối quá",
    "Sáng nay dắt con đi học, nó hỏi mẹ ơi sao nhà mình không có ô tô như nhà bạn. {me} nghe mà chạnh lòng, nói con ráng học sau này tự mua. Làm cha mẹ nhiều khi chỉ mong con đừng thiệt thòi, mà sức mình có hạn. Thôi tối nay nấu món nó thích vậy",
    "{me} năm nay 60 tuổi rồi, mới học dùng điện thoại để gọi video cho cháu nội bên {province}. Lúc đầu bấm lung tung, giờ biết cả gửi hình. Cảm ơn mấy đứa nhỏ trong xóm chỉ cho {me}, vui lắm. Già rồi mà học cái mới cũng thấy trẻ lại",
    "Nhà {me} nuôi heo mấy chục con, năm nay giá xuống thê thảm, bán không đủ tiền cám. Vay ngân hàng đầu năm giờ tới hạn, không biết xoay đâu. Nghĩ tới là mất ngủ. Ai làm chăn nuôi có cách nào đỡ lỗ thì chia sẻ giúp, {me} đang bí quá",
    "Hôm qua {me} đi khám, bác sĩ nói huyết áp cao phải bỏ rượu bỏ thuốc. Nghe xong về nhà vứt hết gói thuốc lá, vợ mừng quá trời. Ai cũng nói bỏ thuốc khó lắm, {me} ráng xem được bao lâu. Mấy anh em trong xóm đừng rủ {me} nhậu nữa nha",
    "Tui kể chuyện này không biết có ai giống không: con gái học lớp 9 mà suốt ngày ôm điện thoại, nói gì cũng cãi, hỏi thì im. Tui la thì nó khóc, không la thì nó thức tới 2 giờ sáng. Làm cha mẹ thời này khó thiệt. {all} có cách gì hay chỉ tui với",
    "Năm nay lúa được mùa mà giá rớt, thương lái ép giá còn {m1}.{m3} đồng/kg. Làm cả vụ, trừ tiền phân thuốc, tiền công gặt, còn lại chẳng bao nhiêu. Con cái thì đòi tiền học. Nói ra thì than, mà không nói thì tức trong bụng. Ai ở xóm mình bán được giá cao hơn không",
    "Ba {me} mất được một năm. Hôm nay dọn lại tủ đồ thấy cái áo ba hay mặc đi đám, còn nguyên mùi dầu gió. {me} ngồi ôm cái áo cả buổi. Mấy anh chị còn cha còn mẹ thì thương ông bà nhiều vào, đừng để như {me} giờ muốn nói một câu cũng không được",
    "Mới dọn về {place} được tháng, {me} thấy xóm này dễ thương ghê, bà con hay qua lại hỏi han. Hôm bữa {me} bệnh nằm nhà, chị hàng xóm nấu cháo mang qua. Ở thành phố mấy năm chưa gặp ai vậy. Cảm ơn {all} nhiều, có gì cần {me} giúp cứ nói",
    "Kể chuyện vui: chiều qua thằng út nhà {me} đi học về khoe được điểm 10 môn toán, cả nhà mừng. Tối nó lại khai là điểm 10 đó của bạn ngồi kế, nó chỉ được 7. Tui cười muốn xỉu, thôi thật thà vậy là được rồi con",
    "Cả đời {me} chưa bao giờ đi máy bay, tháng trước con gái dắt đi {province} chơi. Lên máy bay run như cầy sấy, xuống rồi mới dám mở mắt. Đi chơi về kể cho cả xóm nghe, ai cũng cười. Có dịp {all} cho ông bà đi đây đi đó, ông bà vui lắm",
    "Chồng {me} làm công trình xa nhà, mỗi tháng về được vài ngày. {me} ở nhà một mình với 2 đứa nhỏ, sáng đưa đón, chiều bán hàng, tối kèm bài. Nhiều khi mệt quá cáu với con rồi lại hối hận. Mấy mẹ nào cũng vậy thì cho {me} xin chút động lực",
    "Hôm qua {me} ra chợ mua con gà mà quên mang ví, bà bán gà nói thôi cứ cầm về mai trả. Nghĩ người ở quê thương nhau thiệt. Sáng nay mang tiền ra trả, bả còn cho thêm bó rau. Kể để {all} thấy xóm mình còn nhiều người tốt lắm",
    "nha minh nam nay chuyen ve que song, ban dau tuong buon ma gio thay thich. sang ra nghe ga gay, chieu ra dong, toi ngoi nhau voi may ong hang xom. thu nhap thap hon nhung dau oc nhe nhom. ai dang song o thanh pho met moi thi cu suy nghi nha",
    "tui noi that long: lam dau nha nay 15 nam, chua bao gio duoc me chong khen mot cau. nau ngon thi noi man, lau nha thi noi do. chong thi im re. nhieu luc tui muon bo di cho roi ma thuong con. viet ra cho nhe long thoi, dung ai hoi nha",
    "Không biết ai giống {me} không, cứ tới cuối tháng là đầu óc quay cuồng với tiền nhà, tiền điện, tiền học, tiền sữa. Lương hai vợ chồng cộng lại chưa tới {money} mà chi thì không biết bao nhiêu cho đủ. Thôi than chút cho nhẹ người, mai lại đi làm tiếp",
]

# ---- quarrels and insults between members (short and long) ---------------------------------
M["off_quarrel"] = [
    "nói chuyện với ông như nước đổ đầu vịt",
    "bà nói ai nhiều chuyện, bà coi lại bà đi",
    "mày ngon thì ra đây nói chuyện, núp sau điện thoại làm gì",
    "đồ nhiều chuyện, chuyện nhà người ta cũng xía vô",
    "ông bớt cái miệng lại giùm, cả nhóm nghe ông nói mệt rồi",
    "ai mượn mày dạy đời tao, lo thân mày đi",
    "đúng là đồ vô học, nói chuyện không biết trên dưới",
    "ngu mà còn bày đặt, im giùm cái",
    "tui nói vậy đó, ai không ưa thì rời nhóm đi",
    "người gì đâu mà ích kỷ, xe đậu chắn cửa nhà người ta cả ngày",
    "thôi hai người đừng cãi nữa, có gì gặp nhau nói chuyện đàng hoàng",
    "ủa chị {name} nói gì kỳ vậy, em có nói chị đâu mà chị nóng",
    "mày mà còn nói xấu nhà tao nữa là tao không để yên đâu nghe chưa",
    "{person} ơi đừng có đăng hình nhà tôi lên nhóm nữa, tôi không thích",
    "cái loại ăn cháo đá bát, hồi đó ai giúp mày mà giờ mày quay lưng",
    "nhà bà cho chó ị trước cửa nhà tui hoài, nói hoài không nghe, bộ không biết xấu hổ hả",
    "dm đọc mà tức, nói chuyện vô lý hết sức",
    "ông tưởng ông là ai mà ra lệnh cho cả xóm, ai bầu ông làm vua",
    "xin lỗi cả nhóm, tui với bà {name} có chút hiểu lầm, không có gì đâu, mọi người bỏ qua",
    "Tôi nói lần cuối: nhà ông xây lấn qua ranh đất nhà tôi 20 phân, tôi đã nhịn mấy năm nay rồi. Ông còn lên nhóm nói tôi tham thì ông đi mà hỏi cả xóm coi ai tham. Tôi không muốn cãi, nhưng ông nói vậy là quá đáng",
    "Ủa mắc gì bà đi nói với cả chợ là tui bán thiếu cân? Bà có bằng chứng không mà nói? Tui buôn bán ở đây 20 năm, ai cũng biết tính tui. Bà nói vậy là bôi nhọ người ta đó, lần sau còn vậy tui không nói chuyện nhẹ nhàng nữa đâu",
    "Nói thật là tôi chán cái kiểu có người trong nhóm suốt ngày đăng chuyện người khác lên rồi bình luận móc mỉa. Nhóm này lập ra đâu phải để bêu xấu nhau. Ai có chuyện gì thì nói thẳng, đừng có úp úp mở mở, mệt lắm",
    "may cai thang karaoke nha ben hat toi 12h dem, noi thi no chui lai, dung la do mat day",
    "ong kia an noi bo lao, dung co ma day ra chuyen",
    "tao noi mai roi ma may k nghe, thoi ke may",
    "bà con coi kìa, nói không lại người ta thì quay ra chửi, đúng là hết thuốc chữa",
    "Tui không biết ai đúng ai sai, nhưng cãi nhau trên nhóm vầy con nít nó đọc được kỳ lắm. Hai nhà có chuyện gì thì qua tổ trưởng hòa giải, đừng lôi lên đây. Người lớn với nhau cả mà",
    "nhà ổng tưới cây mà xịt nước qua sân nhà tui ướt hết đồ phơi, nói thì ổng còn cự lại, người chi mà khó chịu",
    "mấy người đó chỉ giỏi nói, tới lúc góp tiền làm đường thì trốn biệt",
    "bà {name} à, con bà đá banh làm bể kính nhà tui mà bà còn bênh, bà dạy con kiểu gì vậy",
]

# ---- jokes ---------------------------------------------------------------------------------
M["off_joke"] = [
    "Vợ hỏi: anh có thấy em mập lên không? Chồng im lặng 5 phút. Giờ chồng đang ngủ ngoài sofa 😂",
    "trộm mà vô nhà tui chắc nó để lại tiền rồi đi, nhà có cái gì đâu mà lấy",
    "cô giáo hỏi: 2 cộng 2 bằng mấy? Thằng cu nhà tui trả lời: tùy cô muốn bao nhiêu 🤣",
    "bác sĩ dặn ăn ít lại, tui ăn ít lại thật, mỗi bữa chỉ 3 chén thôi",
    "hỏi vui: con gì càng lớn càng nhỏ? Ai đoán được tui bao ly trà đá",
    "sáng nay tui bị cướp... mất giấc ngủ vì con mèo kêu cả đêm 😅",
    "ông xã tui nói đi nhậu 1 chai thôi, về tới nhà đếm vỏ thấy 1 thùng. Ổng nói 1 thùng cũng là 1 mà",
    "thằng bạn hỏi sao tui không đi tập gym, tui nói tui tập rồi, tập nhịn ăn sáng cuối tháng",
    "đi chợ mặc cả được 2 nghìn mà vui cả buổi, về mới biết quên rổ rau ở sạp 🤣",
    "con hỏi ba: ba ơi sao ba sợ mẹ? Ba nói: ba không sợ, ba tôn trọng. Mẹ đứng sau lưng nãy giờ",
    "Chuyện vui cuối tuần: ông nội tui 80 tuổi đi xét nghiệm, bác sĩ nói ông khỏe như trai 30. Về nhà ổng đòi đi học võ. Cả nhà can không được, giờ ổng mặc đồ võ đứng ngoài sân múa, con gà chạy tán loạn",
    "mấy ông chồng trong nhóm nghe nè: vợ nói 'tùy anh' nghĩa là đừng có tùy",
    "tui định giảm cân từ thứ hai, mà thứ hai nào thì chưa biết",
    "đố vui: cái gì của mình mà người khác dùng nhiều hơn mình? Cái tên đó bà con",
    "Hôm qua đi đám cưới, ngồi bàn toàn người lạ, ăn xong mới biết đi nhầm đám. Cô dâu chú rể vẫn cười chào, tui bỏ phong bì luôn cho đỡ ngại, ai dè đám bên cạnh mới là đám nhà bà con tui. Thôi coi như mừng hai đám 🤣",
    "chó nhà tui gặp người lạ thì vẫy đuôi, gặp chủ thì sủa, chắc nó bảo vệ người lạ",
    "ông bà mình nói của đi thay người, mà tháng nào của cũng đi hết vậy trời",
    "co gai hoi: anh yeu em vi sao? Anh noi: vi em nau an ngon. Tu do anh phai tu nau 😂",
]

# ---- religious, spiritual and family posts --------------------------------------------------
M["off_faith"] = [
    "Rằm tháng Giêng này chùa {pn} có lễ cầu an, ai muốn ghi tên cầu an cho gia đình thì liên hệ sư cô trước ngày 13",
    "Nam mô A Di Đà Phật, cầu cho ông bà cha mẹ mọi nhà được bình an, mạnh khỏe",
    "Chúa nhật này giáo xứ {pn} có thánh lễ lúc 5 giờ chiều, mời anh chị em tham dự",
    "Cầu nguyện cho linh hồn bác {name} được nghỉ yên trong bình an của Chúa. Amen",
    "lễ Phật đản năm nay chùa làm hoa đăng trên sông, tối 15 bà con ra coi đẹp lắm",
    "mùng 1 đầu tháng chúc {all} bình an, vạn sự tùy duyên",
    "Hôm nay ngày rằm, nhà {me} ăn chay, ai biết quán chay nào ngon gần {place} không",
    "Đạo Phật dạy buông bỏ mà sao {me} khó buông quá, chuyện cũ cứ nghĩ hoài",
    "Mùa Vu Lan về, ai còn mẹ thì cài bông hồng đỏ, ai mất mẹ thì cài bông trắng. Thương mẹ nhiều lắm",
    "Cảm ơn bà con đã đến chia buồn và tiễn đưa mẹ {me} về nơi an nghỉ cuối cùng. Gia đình xin ghi nhớ tấm lòng",
    "Lễ Giáng sinh năm nay nhà thờ {pn} trang trí đẹp quá, tối 24 đông lắm, ai đi nhớ gửi xe đúng chỗ",
    "Cháu nội {me} đầy tháng, cả nhà làm mâm cúng mụ, xin khoe với cả xóm",
    "Tối nay đám cưới con trai {person}, nhà trai đón dâu lúc 8 giờ, cả xóm qua chung vui nha",
    "Ông bà {name} kỷ niệm 50 năm ngày cưới, con cháu về đông đủ, chúc ông bà sống lâu trăm tuổi",
    "Kính mời bà con dự lễ mừng thọ 80 của cụ {name} vào sáng chủ nhật tại nhà riêng ở {place}",
    "Con gái {me} mới lấy chồng xa, nhà vắng hẳn, mỗi tối nhìn cái phòng trống mà nhớ con",
    "Giỗ ông nội năm nay anh em về đủ, nấu {food} với {food}, lâu lắm mới đông vui vậy",
    "Nhân ngày của cha, con chúc ba luôn khỏe, ba là người đàn ông tuyệt vời nhất đời con",
    "Mấy chị em trong hội phụ nữ tổ chức đi chùa {pn} đầu năm, ai đi thì đăng ký với chị {name}",
]

# ---- poems and song lyrics written for this project ------------------------------------------
M["off_poem"] = [
    "Chiều về bên bến sông quê / Con đò lặng lẽ đưa về hoàng hôn / Mẹ ngồi vá áo đầu thôn / Trông con đi học sớm hôm chưa về",
    "Xóm nghèo mà ấm tình người / Bát canh chia nửa, nụ cười chia đôi / Mưa giông rồi cũng qua thôi / Ngày mai nắng lại sáng ngời quê ta",
    "tặng cả nhà bài thơ tui mới viết: lúa vàng trải khắp đồng xa, gió đưa hương cốm bay qua ngõ nhà, ai đi xa nhớ quê nhà, nhớ con đê nhỏ nhớ bà ru êm",
    "Mẹ già như chuối chín cây, con ơi nhớ lấy những ngày mẹ mong. Đọc câu này là thấy nhớ mẹ ở quê",
    "bài hát mới của nhóm nhạc xóm mình nè: 'em ơi về với quê anh, có hàng dừa xanh có dòng kênh trong, chiều chiều ra đứng bờ sông, nghe câu vọng cổ mà lòng nao nao'",
    "Trăng rằm sáng tỏ đầu làng / Tiếng ai hát ví ngân vang bên đồi / Ngồi đây nhớ thuở xa xôi / Mấy đứa bạn nhỏ giờ trôi phương nào",
    "nghe bài này nhớ tuổi thơ ghê: 'ngày xưa ta chạy trên đê, thả diều bắt dế chẳng hề biết lo'",
    "Thơ con cóc tặng chồng: anh đi nhậu tối mới về / vợ ngồi chờ cửa mà mê ngủ gà / mai anh mà nhậu nữa à / vợ khóa cửa lại cho ra ngoài hè 😂",
    "Hôm nay sinh nhật ngoại, cả nhà hát tặng ngoại bài tự chế: ngoại ơi ngoại sống trăm năm, cho con cháu được quây quần bên ngoại",
    "Tháng Chạp gió bấc lạnh lùng / Nồi bánh chưng đỏ lửa hồng đêm đông / Con xa nhớ mẹ nhớ chồng / Tết này về kịp cho lòng thảnh thơi",
    "Ai về xứ Quảng quê tôi / Mì Quảng thơm phức, câu cười thiệt thà / Nhớ o bán bánh đầu nhà / Giọng trầm mà ấm như là mẹ ru",
    "Karaoke tối qua nhà {me} hát bài 'Chiều quê' tự chế, hàng xóm khen hay quá, ai muốn nghe lời thì {me} gửi nha",
    "Đọc thơ vui đầu tuần: thứ hai đi làm uể oải / thứ ba chưa hết mỏi mê / thứ tư ngóng tới cuối tuần / thứ năm thứ sáu nhẩm lương đếm ngày",
]

# ---- price, policy and political complaints --------------------------------------------------
M["off_complain"] = [
    "Giá điện lại tăng, tháng này nhà {me} đóng {money}, trong khi có cái quạt với tủ lạnh. Không hiểu tính kiểu gì",
    "xăng lên, gas lên, cái gì cũng lên chỉ có lương là đứng yên",
    "học phí với tiền trường đầu năm cộng lại mất {money}, nhà có 3 đứa đi học là hết sạch tiền",
    "bảo hiểm y tế năm nay lại tăng giá, mà đi khám thì xếp hàng mệt muốn xỉu",
    "Sáp nhập xã rồi giờ lên làm giấy tờ phải đi xa gần chục cây số, người già đi lại cực quá. Mong cấp trên xem xét mở thêm điểm tiếp dân",
    "đường này làm đi làm lại 3 lần trong một năm, đào lên lấp xuống tốn tiền dân",
    "cái cầu {pn} hứa làm từ hồi {year} tới giờ vẫn chưa thấy đâu",
    "thuế hộ kinh doanh tăng mà buôn bán ế ẩm, chợ vắng hoe, tiểu thương sống sao nổi",
    "Lương hưu của ba {me} chưa tới {money} một tháng, tiền thuốc thôi đã hết một nửa. Người già cả đời cống hiến mà giờ sống chật vật vậy đó",
    "ai cũng nói kinh tế phục hồi mà đi chợ thấy cái gì cũng mắc, bó rau {money}",
    "tiền rác tháng này lại tăng, mà xe rác thì 3 ngày mới ghé một lần",
    "Tôi thấy chính sách hỗ trợ người dân bị thiệt hại do lũ năm rồi tới giờ nhiều nhà vẫn chưa nhận được, hỏi thì ai cũng nói đang làm hồ sơ",
    "giá vàng lên vùn vụt, tính mua chỉ vàng làm của hồi môn cho con mà giờ không dám nghĩ tới",
    "mấy ông đại biểu lên tivi hứa đủ thứ, về địa phương thì đâu vẫn đó",
    "tiền nước tăng mà nước thì đục, tối mới chảy yếu xìu, đóng tiền mà không thấy xứng",
    "lương công nhân tăng được mấy trăm nghìn mà tiền trọ tăng một triệu, làm sao theo kịp",
]

# ---- product talk and reviews (shops, prices, delivery, money; not selling) -----------------
M["off_review"] = [
    "Tui mới đặt online một cái nồi chiên, hết {money}, xài được 2 tuần thấy ổn, chiên cá không văng dầu. Chỉ có cái là hơi ồn",
    "đặt áo trên shopee hình thì đẹp mà về tới thì vải mỏng dính, size cũng không đúng. Đánh giá 1 sao cho bõ tức",
    "shop giao hàng nhanh thật, đặt sáng chiều đã có. Đóng gói kỹ, hàng y hình, sẽ ủng hộ tiếp",
    "quán bún bò đầu hẻm {n} tô {money} mà thịt ít quá, lần trước còn nhiều hơn",
    "tiệm sửa xe ông {name} làm kỹ mà lấy giá phải chăng, thay nhớt có {money} à",
    "Hôm qua {me} mua cái quạt ở siêu thị điện máy, nhân viên tư vấn nhiệt tình, giao lắp tận nhà miễn phí. Xài êm, gió mạnh. Giá {money} thấy cũng đáng",
    "đặt đồ ăn qua app mà đợi gần tiếng, tới nơi thì nguội ngắt, shipper còn bực bội. Chắc không đặt quán đó nữa",
    "cái máy giặt nhà {me} mua được 3 năm đã hư bo mạch, bảo hành hết hạn, sửa mất {money}. Tức ghê",
    "mua điện thoại ở cửa hàng {pn} được tặng ốp lưng với dán màn hình, trả góp 0% cũng tiện",
    "Sữa bột con {me} uống loại này thấy bé ăn ngon ngủ tốt, mà giá tăng {money} một hộp so với năm ngoái. Mấy mẹ cho bé uống loại nào rẻ mà tốt chỉ {me} với",
    "mua gạo ở tiệm đầu chợ {pn} nấu dẻo thơm, {money} một ký, ai cần thì ra đó mua, tui không quen biết gì đâu nha",
    "ai xài điện thoại {phone_model} rồi cho {me} xin nhận xét, pin có trâu không, tính mua cho ba",
    "Kinh nghiệm mua xe máy cũ của {me}: phải đi với người rành máy, coi kỹ số khung số máy, giấy tờ chính chủ. Lần trước {me} mua vội bị hớ mất {money}",
    "giao hàng tiết kiệm giao chậm quá, đơn của {me} nằm kho 5 ngày chưa đi",
    "cái nồi cơm điện mua ở chợ {money} xài 2 năm vẫn ngon, đồ rẻ mà bền",
    "Review quán cà phê mới mở ở {place}: không gian thoáng, nhạc nhẹ, giá {money} một ly, nước hơi ngọt. Chủ quán dễ thương. Cho 4 sao",
    "đi siêu thị thấy đồ khuyến mãi mua quá trời, về mới thấy toàn đồ không cần, cháy túi luôn",
    "tui mua cái máy lọc nước trả góp 12 tháng, giờ mới nhận ra tính ra đắt hơn mua thẳng cả triệu",
    "chuyển khoản mua hàng mà shop gửi nhầm màu, nhắn thì shop đổi liền, còn tặng thêm quà, dễ thương ghê",
    "Nói về tiền mạng: nhà {me} xài gói {money} một tháng mà tối nào cũng chậm, gọi tổng đài kỹ thuật xuống 3 lần vẫn vậy. Có nhà mạng nào ở {place} ổn hơn không",
    "xe điện con {me} mua {money}, sạc một lần đi học được cả tuần, đỡ tiền xăng",
    "mấy chị mua mỹ phẩm online coi chừng hàng nhái nha, {me} mua thỏi son rẻ quá, thoa lên ngứa môi, từ giờ ra cửa hàng mua",
    "đi chợ {pn} mua ký thịt {money}, về cân lại thiếu 1 lạng, lần sau mang cân theo 😤",
    "Hàng xóm rủ {me} mua chung thùng nước mắm cho rẻ, mỗi nhà góp {money}. Có ai muốn góp thêm thì nói nha",
]

# ---- administrative questions (incl. police paperwork, which is not a tip) -------------------
M["off_admin"] = [
    "cho hỏi làm CCCD gắn chip cho con 14 tuổi thì lên công an phường hay lên huyện ạ",
    "{me} mới mua nhà ở {place}, đăng ký thường trú cần những giấy tờ gì vậy anh",
    "đăng ký tạm trú cho người thuê trọ làm trên VNeID được không, {me} làm hoài không được",
    "Cho em hỏi, em mất sổ hộ khẩu cũ mà giờ làm thủ tục sang tên nhà thì có cần không, hay chỉ cần CCCD là đủ ạ",
    "cho hỏi VNeID mức 2 làm ở đâu, có cần hẹn trước không ạ",
    "khai sinh cho bé thì làm online hay phải lên UBND xã vậy {all}",
    "xin giấy xác nhận cư trú để nộp hồ sơ cho con đi học thì mất mấy ngày anh",
    "đổi bằng lái xe hạng A1 sang thẻ PET làm ở đâu vậy mọi người",
    "nhà {me} muốn làm sổ đỏ cho mảnh đất ông bà để lại, bắt đầu từ đâu ạ",
    "Anh CSKV ơi cho em hỏi tuần này phường có làm CCCD lưu động không, mẹ em già đi lại khó",
    "thủ tục đăng ký kết hôn cần giấy xác nhận tình trạng hôn nhân không ạ",
    "giấy đăng ký xe bị cũ rách có cần làm lại không anh, hôm trước đi đường bị nhắc",
    "lương hưu của ba {me} chuyển qua thẻ ATM thì đăng ký ở bưu điện hay bảo hiểm xã hội",
    "cho hỏi chữ ký số để nộp thuế hộ kinh doanh mua ở đâu, giá bao nhiêu",
    "Em ở trọ {place} được 2 năm, chủ trọ nói phải tự đăng ký tạm trú. Em làm trên app thì báo thiếu giấy tờ chỗ ở hợp pháp, vậy em phải xin chủ trọ giấy gì ạ",
    "hộ nghèo năm nay xét lại lúc nào vậy tổ trưởng",
    "con {me} đi nghĩa vụ quân sự năm nay, khám sức khỏe ở đâu ạ",
    "cho em hỏi xin cấp lại giấy khai sinh bản sao ở đâu nhanh nhất",
]

# ---- forwarded news on every topic, crime elsewhere included (news register) ------------------

M["news_src"] = ["Theo báo điện tử", "Báo {province} đưa tin", "Tin từ đài truyền hình tỉnh", "Nguồn: báo Tuổi Trẻ Online",
                 "Chia sẻ từ trang tin {province}", "Tin tổng hợp", "Theo bản tin thời sự tối qua", "Đọc được trên báo",
                 "Tin nóng", "Fw:", "Chuyển tiếp:", "theo trang tin địa phương"]
M["news_date"] = ["ngày {dd}/{mo}", "sáng {dd}/{mo}", "chiều qua", "tối {dd}/{mo}", "rạng sáng nay", "hôm qua"]
M["off_news"] = [
    "{news_src}, {news_date}, Công an tỉnh {province} đã bắt giữ {n2} đối tượng trong đường dây đánh bạc qua mạng với số tiền giao dịch hàng trăm tỷ đồng",
    "{news_src}: TAND tỉnh {province} mở phiên xét xử vụ án lừa đảo chiếm đoạt tài sản qua sàn đầu tư ảo, bị cáo lĩnh án {n2} năm tù",
    "{news_src}, một vụ cháy nhà xưởng tại khu công nghiệp ở {province} {news_date} đã được lực lượng chức năng khống chế, không có thiệt hại về người",
    "{news_src}: tại {province}, cơ quan điều tra khởi tố vụ án tham ô tài sản xảy ra tại một công ty nhà nước",
    "{news_src}, Cục CSGT cho biết từ đầu năm số vụ tai nạn giao thông trên toàn quốc giảm so với cùng kỳ",
    "{news_src}: Bộ Giáo dục công bố lịch thi tốt nghiệp THPT năm nay, thí sinh thi 4 môn",
    "{news_src}, giá vàng miếng {news_date} tăng thêm {m2}0 nghìn đồng mỗi lượng, lập đỉnh mới",
    "{news_src}: bão số {d1} đang di chuyển vào Biển Đông, các tỉnh ven biển chủ động phương án phòng chống",
    "{news_src}, đội tuyển {team} đã có chiến thắng thuyết phục trong trận giao hữu tối qua",
    "{news_src}: từ tháng sau, mức lương cơ sở được điều chỉnh tăng, áp dụng cho cán bộ công chức",
    "{news_src}, dịch sốt xuất huyết đang gia tăng tại {province}, ngành y tế khuyến cáo diệt lăng quăng",
    "{news_src}: xăng dầu kỳ điều chỉnh này giảm nhẹ, xăng RON95 còn khoảng {m1}.{m3} đồng/lít",
    "{news_src}, một người đàn ông ở {province} trúng xổ số hàng chục tỷ đồng và đã đến nhận thưởng",
    "{news_src}: tại {province}, xe khách lao xuống vực khiến nhiều người bị thương, nguyên nhân đang được điều tra",
    "{news_src}, công an {province} triệt phá ổ nhóm trộm cắp xe máy liên tỉnh, thu giữ hàng chục xe",
    "{news_src}: một phụ nữ ở {province} bị lừa mất {money} sau khi nghe cuộc gọi giả danh cán bộ ngân hàng",
    "{news_src}, tuyến cao tốc nối {province} và {province} chính thức thông xe, rút ngắn thời gian đi lại",
    "{news_src}: giá cà phê nhân xô {news_date} tiếp tục tăng, nông dân Tây Nguyên phấn khởi",
    "{news_src}, lực lượng cứu hộ đã tìm thấy thi thể nạn nhân mất tích trong lũ ở {province}",
    "{news_src}: cơ quan công an {province} bắt đối tượng truy nã đặc biệt lẩn trốn suốt {n2} năm",
    "{news_src}, Sở Y tế {province} đình chỉ một cơ sở thẩm mỹ hoạt động không phép",
    "{news_src}: học sinh Việt Nam giành huy chương vàng Olympic Toán quốc tế năm nay",
    "{news_src}, nhiều tỉnh miền Bắc {news_date} có rét đậm, vùng núi cao xuất hiện băng giá",
    "{news_src}: vụ án giết người ở {province} đã được phá sau 48 giờ, nghi phạm là người quen của nạn nhân",
    "{news_src}, ngân hàng nhà nước cảnh báo thủ đoạn mạo danh để chiếm đoạt tài khoản, đề nghị người dân cập nhật sinh trắc học",
    "đọc báo thấy vụ ở {province} {news_crime}, xứ mình còn yên chứ chỗ đó ghê quá",
    "share lại tin trên báo: ở {province} vừa {news_crime}, mọi người đọc cho biết",
    "coi tivi thấy bên {province} {news_crime}, thời buổi gì đâu mà ghê",
    "{news_src}: Quốc hội thông qua luật sửa đổi, có hiệu lực từ đầu năm sau",
    "{news_src}, giải bóng đá vô địch quốc gia vòng {n2}: {team} hòa {team} 1-1",
    "{news_src}: {province} khai mạc lễ hội hoa, dự kiến đón hàng chục nghìn du khách",
    "{news_src}, giá heo hơi tuần này dao động {m2} nghìn đồng/kg, người chăn nuôi vẫn lỗ",
]
M["off_news_long"] = [
    "{news_src}, {news_date}, Công an huyện thuộc tỉnh {province} cho biết đã tạm giữ hình sự 3 thanh niên về hành vi cướp giật tài sản. Theo điều tra ban đầu, nhóm này dùng xe máy không biển số áp sát người đi đường vào ban đêm để giật túi xách, điện thoại. Vụ việc đang được mở rộng điều tra",
    "{news_src}: Chiều {dd}/{mo}, tại một xã của tỉnh {province}, một vụ sạt lở đất đã vùi lấp 2 căn nhà. Chính quyền địa phương đã di dời hàng chục hộ dân tới nơi an toàn. Lực lượng quân đội và dân quân được huy động khắc phục hậu quả",
    "{news_src}, Tòa án nhân dân tỉnh {province} vừa tuyên án đối với nhóm bị cáo trong đường dây mua bán người sang nước ngoài. Theo cáo trạng, các bị cáo dụ dỗ nạn nhân bằng lời hứa việc nhẹ lương cao rồi bán qua biên giới. Mức án cao nhất là {n2} năm tù",
    "{news_src}: Bộ Y tế vừa ban hành hướng dẫn mới về tiêm chủng mở rộng, bổ sung thêm vắc xin cho trẻ em dưới 1 tuổi. Các trạm y tế xã phường sẽ triển khai từ quý sau. Phụ huynh theo dõi thông báo của địa phương để đưa trẻ đi tiêm đúng lịch",
    "{news_src}, {news_date}, giá vàng nhẫn trơn tăng mạnh, có lúc vượt mốc cao nhất từ trước tới nay. Nhiều người dân xếp hàng từ sáng sớm tại các cửa hàng để mua. Chuyên gia khuyến cáo người dân thận trọng vì giá biến động khó lường",
    "Chuyển tiếp bài báo: ở {province} có một cụ bà {old_age} tuổi ngày nào cũng nấu cơm miễn phí cho bệnh nhân nghèo ở bệnh viện tỉnh, làm suốt mười mấy năm nay. Đọc mà thương, ở đâu cũng có người tốt. Share cho {all} cùng đọc",
    "{news_src}: Công an tỉnh {province} vừa đánh sập một đường dây lừa đảo qua mạng do người nước ngoài cầm đầu, bắt giữ hàng chục đối tượng. Nhóm này giả danh nhân viên sàn thương mại điện tử, dụ nạn nhân làm nhiệm vụ để chiếm đoạt tiền. Tổng số tiền bị chiếm đoạt ước tính hàng trăm tỷ đồng",
    "{news_src}, trận chung kết tối qua, {team} đã vượt qua {team} sau loạt sút luân lưu cân não. Thủ môn được bầu là cầu thủ xuất sắc nhất trận. Hàng nghìn cổ động viên đổ ra đường ăn mừng tới khuya",
    "đọc báo sáng nay buồn quá: ở {province} hai anh em học sinh rủ nhau đi tắm sông rồi bị đuối nước, người dân tìm thấy cả hai khi đã muộn. Mùa hè tới rồi, mấy nhà có con nhỏ nhớ dặn tụi nhỏ, chia sẻ để mọi người cùng nhắc nhau",
    "{news_src}: Ủy ban nhân dân tỉnh {province} phê duyệt dự án nâng cấp quốc lộ qua địa bàn, tổng vốn hàng nghìn tỷ đồng. Dự án dự kiến khởi công cuối năm, hoàn thành sau 3 năm. Người dân hai bên đường sẽ được thông báo về phương án giải phóng mặt bằng",
]

# ---- leaders' and officers' rule reminders (not tips) --------------------------------------
M["off_rules"] = [
    "Nhắc lại nội quy: nhóm này lập ra để bà con phản ánh tình hình an ninh trật tự trên địa bàn, không dùng để buôn bán, quảng cáo hay tâm sự chuyện riêng",
    "Đề nghị các thành viên đăng đúng nội dung của nhóm, những tin không liên quan an ninh trật tự quản trị viên sẽ gỡ",
    "Bạn {name} vui lòng không đăng bài bán hàng trong nhóm, lần sau tái phạm quản trị viên sẽ mời ra khỏi nhóm",
    "Admin nhắc nhẹ: không gửi tin nhắn sau 22 giờ trừ trường hợp khẩn cấp, để bà con nghỉ ngơi",
    "Đề nghị bà con không chia sẻ tin chưa kiểm chứng lên nhóm, tránh gây hoang mang",
    "Ban quản trị nhóm nhắc: các thành viên giữ lời lẽ văn minh, không cãi vã xúc phạm nhau trong nhóm",
    "Nhóm chỉ phục vụ việc trao đổi giữa công an phường với nhân dân về trật tự an toàn, mong bà con thông cảm khi bài khác chủ đề bị xóa",
    "Thông báo của tổ trưởng: từ nay ai đăng quảng cáo, link lạ sẽ bị nhắc một lần, lần hai sẽ bị xóa khỏi nhóm",
    "Nhắc các thành viên mới: đọc kỹ nội quy ghim đầu nhóm trước khi đăng bài nha",
    "Đề nghị anh {name} gỡ bài vừa đăng vì không đúng mục đích của nhóm, cảm ơn anh",
    "Các bạn lưu ý, thông tin tố giác tội phạm có thể nhắn riêng cho cán bộ, không nhất thiết đăng công khai lên nhóm",
    "Nhóm đã có quá nhiều tin chúc mừng, chào hỏi. Đề nghị bà con hạn chế để những tin quan trọng không bị trôi",
    "Quản trị viên xin nhắc: không đăng hình ảnh người khác khi chưa được sự đồng ý, không bêu riếu nhau trên nhóm",
    "Chào cả nhóm, nhóm mình có thêm {n2} thành viên mới. Mọi người nhớ đăng bài đúng chủ đề an ninh trật tự, chuyện khác xin mời sang nhóm khác",
    "Kính gửi bà con: Nhóm Zalo của khu phố được lập với mục đích tiếp nhận phản ánh của người dân về an ninh, trật tự. Thời gian qua có nhiều thành viên đăng tin bán hàng, vay tiền, tin chưa kiểm chứng. Đề nghị mọi người thực hiện đúng quy định, quản trị viên sẽ nhắc nhở và mời ra khỏi nhóm các trường hợp cố tình vi phạm",
    "Thân gửi các thành viên. Để nhóm hoạt động hiệu quả, đề nghị: một là chỉ đăng thông tin liên quan an ninh trật tự; hai là đăng trong giờ hành chính, trừ việc khẩn cấp; ba là không quảng cáo, không cãi nhau. Ai vi phạm sẽ được nhắc, tái phạm sẽ bị xóa khỏi nhóm. Cảm ơn bà con đã hợp tác",
    "Công an phường xin thông báo: số điện thoại trực ban và số của cán bộ khu vực đã ghim đầu nhóm, bà con lưu lại để liên hệ khi cần",
    "Nhắc bà con: nhóm không phải chỗ để rao bán nhà đất hay cho vay. Mấy bài vừa rồi admin đã gỡ, mong mọi người thông cảm",
    "dạ em xin lỗi anh admin, em đăng nhầm nhóm, em gỡ liền ạ",
    "ai đăng bài lạc đề thì tự gỡ giúp admin nha, cảm ơn cả nhà",
    "Đề nghị bạn không đăng nội dung riêng tư lên đây, nhóm dành cho thông tin trật tự của khu phố thôi bạn",
]

# ---- public-awareness posts from officers and leaders (tuyên truyền; not tips) -------------------
M["off_aware"] = [
    "Công an xã khuyến cáo: mùa khô hanh, bà con không đốt rơm rạ, đốt rác gần nhà và rừng, kiểm tra bếp trước khi đi ngủ",
    "Thực hiện kế hoạch tuyên truyền, công an phường đề nghị người dân không cung cấp mã OTP, mật khẩu ngân hàng cho bất kỳ ai qua điện thoại",
    "Tuyên truyền phòng chống đuối nước mùa hè: phụ huynh quản lý con em, không để trẻ tắm sông suối, ao hồ một mình",
    "Công an thị trấn khuyến cáo người dân khóa cổng, khóa xe cẩn thận, lắp camera nếu có điều kiện để phòng ngừa trộm cắp dịp cuối năm",
    "Tuyên truyền an toàn giao thông: đã uống rượu bia thì không lái xe, đội mũ bảo hiểm khi đi xe máy, kể cả trẻ em",
    "Công an phường thông báo: cơ quan công an không làm việc với người dân qua điện thoại hay mạng xã hội, không yêu cầu chuyển tiền vào tài khoản nào",
    "Đề nghị các hộ kinh doanh trang bị bình chữa cháy, không để hàng hóa lấn chiếm lối thoát nạn, thường xuyên kiểm tra đường điện",
    "Tuyên truyền: tàng trữ, sử dụng pháo nổ là vi phạm pháp luật, phụ huynh nhắc nhở con em không mua bán, đốt pháo dịp Tết",
    "Công an xã đề nghị bà con vận động người thân giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ còn cất giữ trong nhà, được miễn trách nhiệm",
    "Công an khuyến cáo: thủ đoạn tuyển cộng tác viên online, làm nhiệm vụ nhận hoa hồng là lừa đảo, bà con tuyệt đối không tham gia",
    "Để phòng cháy chữa cháy nhà ở kết hợp kinh doanh, mỗi nhà nên có lối thoát nạn thứ hai, không khóa cửa từ bên trong bằng khóa khó mở",
    "Thông tin tuyên truyền: người dân có thể tố giác tội phạm qua đường dây nóng của công an tỉnh, thông tin người tố giác được giữ bí mật",
    "Tuyên truyền về căn cước và định danh điện tử: bà con không cho người khác mượn CCCD, không cung cấp ảnh chân dung cho người lạ",
    "Công an huyện khuyến cáo người dân cảnh giác với các cuộc gọi mạo danh cơ quan thuế, điện lực, bảo hiểm xã hội đòi cập nhật thông tin",
    "Tuyên truyền phòng chống ma túy trong học đường: phụ huynh để ý con em, các loại ma túy hiện nay được ngụy trang thành kẹo, nước uống, thuốc lá điện tử",
    "Mùa mưa bão, chính quyền đề nghị bà con chằng chống nhà cửa, không đi qua ngầm tràn khi nước chảy xiết, không vớt củi trên sông",
    "Thông báo: Công an phường tổ chức buổi tuyên truyền phòng chống lừa đảo trên không gian mạng vào tối thứ {d1} tại nhà văn hóa {pn}, mời bà con tham dự",
    "Công an xã phối hợp đoàn thanh niên tuyên truyền luật giao thông tại trường {school}, nhắc các em không đi xe máy khi chưa đủ tuổi",
    "Công an phường khuyến cáo bà con: thời gian gần đây trên mạng xuất hiện nhiều thủ đoạn lừa đảo tinh vi như giả danh công an gọi điện yêu cầu cài ứng dụng lạ, giả nhân viên ngân hàng hỗ trợ nâng hạn mức, tuyển người làm việc online. Khi gặp các trường hợp này, người dân cần bình tĩnh, không làm theo và báo ngay cho cơ quan công an gần nhất",
    "Tuyên truyền phòng cháy chữa cháy: Thời tiết hanh khô, nguy cơ cháy nổ rất cao. Đề nghị các hộ gia đình không để xăng dầu, chất dễ cháy gần bếp; ngắt điện các thiết bị khi ra khỏi nhà; không sạc xe điện qua đêm trong nhà. Khi có cháy, gọi ngay 114",
    "Công an xã thông báo kết quả đợt cao điểm tấn công trấn áp tội phạm: tình hình an ninh trên địa bàn cơ bản ổn định. Đề nghị bà con tiếp tục phát huy tinh thần cảnh giác, tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "Lời khuyên của công an phường cho người cao tuổi: không nghe theo người lạ gọi điện báo con cháu gặp nạn, không đưa tiền vàng cho người tự xưng cán bộ tới nhà. Con cháu nhớ dặn ông bà nha",
]

# ---- sentences that lengthen an off_topic message -------------------------------------------
M["ext_off"] = [
    "Nói chung là vậy đó.", "Chia sẻ cho vui thôi nha.", "Ai có ý kiến gì thì góp ý nha.", "Thôi {me} đi nấu cơm đây.",
    "Cảm ơn cả nhà đã đọc.", "Mai {me} kể tiếp.", "Ai giống {me} không ta.", "Nghĩ mà buồn cười.", "Ai biết chỉ {me} với.",
    "Hôm qua {me} có nói với {person} rồi mà quên.", "Chúc cả nhà cuối tuần vui vẻ.", "Thời tiết thất thường, giữ sức khỏe nha.",
    "Con nít bây giờ khôn lắm.", "Nói ra cho nhẹ lòng.", "Mấy bà trong xóm chắc hiểu.", "Chuyện đời mà.", "Hẹn gặp bà con ở buổi họp tổ.",
    "Ai cần thì {me} chỉ đường.", "Lâu rồi mới lên nhóm tâm sự.", "Đọc xong nhớ like nha.",
]

# ---- more, written after the first length-balanced run --------------------------------------
M["off_short"] += [
    "chào {person}", "cảm ơn {person} nha", "{food} chợ {pn} ngon", "sn vui vẻ {name}", "{team} đá hay ghê", "nhớ {food} quá",
    "mai họp tổ {n} hả", "{name} ơi ăn chưa", "{person} khỏe không", "chúc {person} mau khỏe", "trời {pn} mưa to",
    "{team} vô địch rồi", "ai đi chợ {pn} k", "chè {pn} ngon lắm", "tối qua coi {team} chưa", "nhà {person} có đám cưới",
    "ủa {name} đâu rồi", "{name} nói đúng đó", "{name} xàm quá", "thôi {name} ơi", "giá {fruit} rẻ ghê", "mùa {fruit} rồi",
]
M["off_long"] = [
    "Tui nói thẳng luôn cho bà con cùng nghe: cái vụ tiền quỹ tổ năm rồi tui đã đưa đủ sổ sách, ai muốn coi thì qua nhà tui coi. Có người cứ đi rêu rao là tui ăn chặn, nói vậy là vu khống. Tui làm tổ trưởng không lương mấy năm nay, mệt mỏi lắm rồi, ai làm được thì tui nhường",
    "Review thật lòng cái máy lạnh {me} mới lắp: mua ở cửa hàng điện máy {pn} giá {money}, được lắp miễn phí, thợ làm gọn gàng. Chạy được một tháng thấy mát nhanh, tiền điện tăng khoảng {money}. Chỉ có cái remote hơi khó dùng với người già. Ai đang tính mua thì tham khảo nha",
    "Chuyện giá cả dạo này thiệt là mệt: tiền điện lên, tiền nước lên, gas lên, đi chợ cái gì cũng mắc hơn năm ngoái. Lương thì vẫn vậy, con cái thì lớn, học thêm học nếm đủ thứ. Nhiều khi ngồi tính sổ cuối tháng mà muốn khóc. Không biết mấy nhà khác xoay xở sao, chia sẻ kinh nghiệm tiết kiệm với",
    "Kính thưa bà con, tổ dân phố xin thông báo kế hoạch tổng vệ sinh môi trường sáng chủ nhật này từ 6 giờ. Mỗi hộ cử ít nhất một người, mang theo chổi, cuốc xẻng. Tập trung tại nhà văn hóa {pn}. Sau buổi vệ sinh có nước uống và bánh mì cho mọi người. Rất mong bà con tham gia đông đủ",
    "Con {me} năm nay thi vào lớp 10, cả nhà lo sốt vó. Cháu học thêm 3 môn, tối nào cũng học tới 11 giờ. {me} thương con mà không biết giúp gì ngoài nấu đồ ăn ngon. Mấy phụ huynh có con thi năm rồi cho {me} xin kinh nghiệm chọn trường, chọn nguyện vọng với, cảm ơn nhiều",
    "Nhân dịp đầu năm mới, thay mặt chi hội phụ nữ khu phố, xin kính chúc các bác, các cô chú và anh chị em một năm mới an khang, gia đình hạnh phúc, con cháu học hành tấn tới. Chi hội cảm ơn mọi người đã luôn ủng hộ các hoạt động của hội trong suốt năm qua",
    "Tui thấy dạo này trên mạng người ta chửi nhau dữ quá, đọc bình luận mà sợ. Ai cũng nghĩ mình đúng, nói nặng lời với nhau, có khi chỉ vì một câu nói đùa. Nhóm mình là hàng xóm với nhau, mong mọi người nói chuyện nhẹ nhàng, có gì không vừa ý thì gặp nhau uống ly trà mà nói",
    "Đi chợ sáng nay mới thấy giá thịt heo lên {m2} nghìn một ký, cá cũng lên, rau thì khỏi nói. Bà bán rau nói tại mưa bão ngoài Bắc nên hàng về ít. Tui định làm mâm cơm cúng rằm mà tính tới tính lui phải bớt món. Mấy chị có mẹo đi chợ tiết kiệm thì chỉ tui với",
    "Ông bà mình hay dạy: bán anh em xa mua láng giềng gần. Hôm bữa nhà {me} có chuyện gấp phải đưa ba đi viện lúc nửa đêm, hàng xóm chạy qua phụ khiêng, người chở đi, người ở nhà trông con giùm. Viết mấy dòng này cảm ơn cả xóm, nhà {me} ghi nhớ ơn này",
    "mấy bữa nay tui bị mất ngủ, nằm tới 3 giờ sáng vẫn không ngủ được, sáng dậy đầu óc quay cuồng. đi khám bác sĩ nói do căng thẳng, cho thuốc mà uống không đỡ mấy. ai từng bị vậy có mẹo gì hay chỉ tui với, trà hay lá gì uống cho dễ ngủ, tui cảm ơn nhiều",
]

# ---- round 12: more of the registers the model reads wrongly --------------------------------
M["off_rules"] += [
    "Nhóm này chỉ để bà con trao đổi về an ninh trật tự của khu phố, các nội dung khác xin đăng ở nhóm khác",
    "Đề nghị các bạn không đăng nội dung không liên quan đến an ninh trật tự, quản trị viên sẽ xóa mà không báo trước",
    "Quy định của nhóm: không bán hàng, không cho vay, không chia sẻ link lạ. Ai vi phạm nhắc 1 lần, lần sau mời rời nhóm",
    "nhắc lại lần nữa nha bà con: tin rao vặt, chúc mừng sinh nhật, chuyện riêng thì nhắn riêng, đừng đăng lên nhóm",
    "Bạn {name} ơi, bài đăng của bạn không đúng chủ đề, mình đã ẩn đi, mong bạn thông cảm",
    "Thông báo của quản trị viên: thời gian tới nhóm sẽ dùng công cụ tự động nhắc nhở các tin đăng sai chủ đề, mong bà con hợp tác",
    "Đề nghị các thành viên không gửi tin nhắn thoại, hình ảnh nhạy cảm, video bạo lực lên nhóm",
    "Để giữ nhóm gọn gàng, những ai muốn chúc mừng hay hỏi thăm nhau xin nhắn riêng, cảm ơn bà con",
    "Ban điều hành khu phố nhắc: mọi phản ánh về an ninh có thể gọi trực tiếp cho cán bộ khu vực, không cần chờ giờ hành chính nếu khẩn cấp",
    "Các thành viên chú ý: đã có người đăng tin tuyển dụng và cho vay trong nhóm, đề nghị bà con không tin và không làm theo, admin đã xóa",
    "Trưởng thôn thông báo: nhóm được lập để thôn và công an xã nắm tình hình trật tự trong thôn, bà con không đăng chuyện mua bán, quảng cáo lên đây nhé",
    "Mình là quản trị viên. Mấy hôm nay nhóm có nhiều tin cãi nhau, chửi bới, mình đã nhắc riêng từng người. Mong cả nhóm giữ hòa khí, ai tái phạm mình buộc phải mời ra",
    "Xin nhắc các thành viên: không chụp màn hình tin nhắn trong nhóm đưa ra ngoài, không tự ý thêm người lạ vào nhóm",
    "Nhắc nhở lần 1 đối với tài khoản {name} vì đăng tin quảng cáo, đề nghị tự gỡ bài",
    "Đề nghị mọi người trước khi đăng đọc lại nội quy được ghim, nhóm chỉ nhận thông tin về trật tự an toàn xã hội",
]
M["off_aware"] += [
    "Công an phường khuyến cáo: không nghe theo lời mời tham gia các nhóm đầu tư tiền ảo, làm nhiệm vụ online có hoa hồng cao",
    "Cảnh sát PCCC khuyến cáo: không sạc xe máy điện qua đêm, không để xe gần lối thoát hiểm, lắp thiết bị báo khói cho nhà ở",
    "Thông tin tuyên truyền: từ ngày 1/7, người dân làm thủ tục cư trú có thể nộp hồ sơ trực tuyến trên cổng dịch vụ công",
    "Công an xã thông báo tổ chức buổi hướng dẫn cài đặt và sử dụng ứng dụng định danh cho người cao tuổi vào sáng thứ {d1} tại nhà văn hóa",
    "Khuyến cáo của công an tỉnh: người dân không mua bán, cho thuê, cho mượn tài khoản ngân hàng, vì có thể bị lợi dụng để rửa tiền",
    "Tuyên truyền: người điều khiển xe máy phải đủ 18 tuổi và có giấy phép lái xe, phụ huynh không giao xe cho con chưa đủ tuổi",
    "Công an thị trấn đề nghị các chủ nhà trọ thông báo lưu trú cho người thuê đầy đủ, đúng hạn theo quy định",
    "Mùa cưới, công an xã khuyến cáo bà con đã uống rượu bia thì nhờ người đưa về hoặc gọi xe, tuyệt đối không tự lái",
    "Phòng chống đuối nước: các bậc phụ huynh cho trẻ học bơi, không để trẻ chơi gần ao hồ, giếng nước không có nắp đậy",
    "Tuyên truyền phòng chống tội phạm trộm cắp: bà con không để tài sản có giá trị ngoài sân, rút chìa khóa xe khi dừng đỗ, không phơi đồ ra ngoài qua đêm",
    "Công an phường thông báo: thủ đoạn giả danh cán bộ gọi video call để yêu cầu xác minh thông tin đang phổ biến, cơ quan công an không làm việc qua video call",
    "Khuyến cáo dịp nghỉ lễ: trước khi về quê hoặc đi du lịch, bà con khóa cửa, ngắt điện, nhờ hàng xóm trông nhà giúp và báo cho tổ trưởng biết",
    "Hưởng ứng ngày toàn dân phòng cháy chữa cháy, công an phường tổ chức diễn tập tại chợ {pn}, mời bà con tiểu thương tham gia",
    "Tuyên truyền: việc mua bán, tàng trữ, sử dụng bóng cười, thuốc lá điện tử có chứa chất cấm gây hại sức khỏe và có thể vi phạm pháp luật",
]
M["off_news"] += [
    "{news_src}, nhiều tỉnh đồng bằng sông Cửu Long đang vào mùa nước nổi, người dân tranh thủ đánh bắt cá linh",
    "{news_src}: giá gạo xuất khẩu của Việt Nam tăng cao nhất trong nhiều năm",
    "{news_src}, sân bay quốc tế mới dự kiến đưa vào khai thác cuối năm sau",
    "{news_src}: một con trăn nặng gần 30 kg bò vào nhà dân ở {province}, người dân đã bàn giao cho kiểm lâm",
    "{news_src}, ca sĩ nổi tiếng tổ chức đêm nhạc từ thiện gây quỹ cho trẻ em vùng cao",
    "{news_src}: thời tiết cuối tuần Nam Bộ mưa rào vào chiều tối, Bắc Bộ trời rét",
    "{news_src}, công an {province} bắt giữ đối tượng trộm két sắt tại một tiệm vàng sau 3 ngày truy xét",
    "{news_src}: tại {province}, hai nhóm thanh niên hỗn chiến khiến một người tử vong, công an đã khởi tố vụ án",
    "{news_src}, một tài xế xe tải ở {province} bị phạt nặng vì chở quá tải hơn 100%",
    "{news_src}: cháy quán karaoke ở {province} khiến nhiều người mắc kẹt, cơ quan chức năng đang điều tra nguyên nhân",
    "{news_src}, bắt nhóm đối tượng giả danh công an lừa đảo người dân hơn chục tỷ đồng tại {province}",
    "{news_src}: học sinh lớp 9 ở {province} được khen thưởng vì nhặt được túi tiền và trả lại người đánh rơi",
    "{news_src}, tỉnh {province} đề xuất cho học sinh nghỉ học thứ bảy từ năm học tới",
    "{news_src}: thủ tướng yêu cầu đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "{news_src}, nhiều ngân hàng đồng loạt giảm lãi suất cho vay mua nhà",
    "{news_src}: phát hiện hơn 2 tấn thực phẩm bẩn đang trên đường tiêu thụ tại {province}",
    "{news_src}, đội tuyển nữ Việt Nam giành vé dự vòng chung kết châu Á",
    "{news_src}: {province} ghi nhận trận mưa đá lớn làm hư hại hàng trăm ngôi nhà",
    "tin hay nè: ở {province} có ông cụ {old_age} tuổi vẫn đạp xe đi bán vé số nuôi cháu",
    "đọc trên báo: vụ trộm ở {province} bắt được rồi, thủ phạm là người làm thuê cho chính chủ nhà",
    "ai coi thời sự tối qua chưa, bên {province} lũ lên cao lắm, nhà cửa ngập tới mái",
    "chuyển cho bà con đọc: ở {province} nhiều người mất tiền vì tin lời tuyển cộng tác viên online, mình cẩn thận nha",
]
M["off_review"] += [
    "mua cái chảo chống dính ở siêu thị {money}, dùng được một tháng đã tróc, lần sau không ham rẻ nữa",
    "shipper hôm nay dễ thương ghê, trời mưa mà vẫn giao tới tận cửa, còn dặn em kiểm hàng trước khi trả tiền",
    "đặt bánh sinh nhật cho con ở tiệm {name}, bánh đẹp như hình, ăn không ngọt gắt, giá {money}",
    "tiệm thuốc tây đầu chợ bán đúng giá, dược sĩ tư vấn kỹ, không ép mua thêm",
    "mua xe đạp cho con ở chợ {pn} giá {money}, chạy được 2 tuần đã rớt sên, mang ra thì chủ tiệm sửa miễn phí",
    "hàng order bên Thái về tới nhà mất 10 ngày, hơi lâu nhưng đồ dùng thích, chắc mua tiếp",
    "so sánh giá điện thoại ở mấy cửa hàng thì thấy chỗ thế giới di động với chỗ tiệm nhỏ chênh nhau {money}",
    "gói cước internet mới nhà {me} đăng ký {money}/tháng, tốc độ ổn, xem phim không giật",
    "tui mới đổi qua dùng bột giặt loại mới, thơm lâu mà giá rẻ hơn loại cũ {m2} nghìn",
    "quán cơm tấm ở {street} giá {money} một dĩa, sườn to, nước mắm ngon, chủ quán vui vẻ",
    "Kể bà con nghe vụ mua máy bơm: tui mua ở cửa hàng vật tư gần chợ {pn} giá {money}, về lắp vô thì không lên nước. Mang ra đổi thì người ta đổi liền cái khác, còn cho thợ xuống lắp. Buôn bán vậy thì ủng hộ lâu dài",
    "mua đồ trên live đừng ham rẻ nha, {me} mua cái đầm {money}, về mặc không vừa, trả hàng thì shop lơ",
    "cái nón bảo hiểm con {me} mua ở siêu thị có tem chứng nhận, đắt hơn ngoài chợ mà an toàn",
    "ai hay đặt đồ ăn qua app có thấy phí ship dạo này tăng không, đơn {money} mà phí ship gần bằng",
]
M["off_quarrel"] += [
    "ông nói chuyện kiểu đó ai mà nghe nổi",
    "tao không thèm chấp mày",
    "đừng có lên đây làm trò hề nữa",
    "bà này nói chuyện hãm thiệt",
    "mày câm mồm đi cho tao nhờ",
    "nói ngu thì đừng nói, không ai bắt",
    "tự nhiên lên nhóm chửi người ta, có vấn đề không vậy",
    "cãi qua cãi lại hoài, xóm giềng mà vậy coi sao được",
    "ong oi bot noi lai, ca nhom doc met",
    "thứ mất dạy, ăn nói với người lớn kiểu đó hả",
    "Tui nói cho bà biết, nhà tui không có thiếu nợ ai hết, bà đừng có đi nói với người này người kia. Có chuyện gì thì qua nhà nói thẳng, đừng có nói sau lưng rồi lên nhóm bóng gió",
    "Ủa ai nói nhà tôi xả rác ra đầu hẻm? Nhà tôi ngày nào cũng đổ rác đúng giờ. Đừng có thấy ai không ưa là đổ thừa, thiệt tình mệt mỏi với mấy người này quá",
    "Cái ông hàng xóm nhà tôi kỳ lắm, đậu xe ô tô chắn nửa hẻm, ai nói thì ổng chửi lại, còn nói hẻm là của chung ai muốn đậu đâu thì đậu. Bà con thấy vậy có được không",
]
M["off_complain"] += [
    "đường trước nhà đào lên để đặt ống nước cả tháng rồi chưa lấp, bụi mù, mưa thì sình lầy",
    "lên phường làm giấy tờ mà phải chờ cả buổi, cán bộ thì đi họp",
    "Tiền học thêm bây giờ còn hơn tiền học chính, con học lớp 4 mà tháng nào cũng {money}. Không cho học thì sợ con thua bạn, cho học thì không kham nổi",
    "điện chập chờn cả tuần nay, tủ lạnh hư luôn, gọi điện lực thì hẹn hoài",
    "phí gửi xe ở bệnh viện tăng lên {m2} nghìn một lượt, đi thăm bệnh cũng tốn",
    "giá phân bón năm nay tăng gấp rưỡi, trồng lúa lỗ là cái chắc",
    "chợ mới xây xong mà tiểu thương không ai chịu vô, giá thuê sạp cao quá",
]
M["off_admin"] += [
    "làm hộ chiếu online cần chuẩn bị gì vậy mọi người, ảnh chụp có phải nền trắng không",
    "anh ơi em chuyển hộ khẩu về đây rồi thì bao lâu mới cập nhật trên VNeID ạ",
    "cho em hỏi giấy xác nhận độc thân làm ở xã mất mấy ngày",
    "đăng ký biển số xe mới ở đâu vậy, có bấm biển online được không",
    "con em bị mất thẻ học sinh thì xin lại ở trường hay ở phường ạ",
    "Cho em hỏi thủ tục đăng ký khai tử cho ông nội, ông mất ở nhà, gia đình cần mang những giấy tờ gì lên xã ạ",
    "xin hỏi tổ trưởng: nhà mới xây xong thì đăng ký số nhà ở đâu",
    "hồ sơ hưởng trợ cấp người khuyết tật nộp ở đâu vậy cô chú",
]
M["off_chat"] += [
    "hôm nay trời mát, ai rảnh qua nhà {me} uống trà",
    "mới đi đám cưới về, no căng bụng, {all} ngủ ngon",
    "ai có giống lan đột biến thì chia sẻ {me} ít cây với",
    "nay {me} tập làm bánh flan lần đầu, ra cũng được, để mai đem qua cho {all}",
    "chiều nay đội bóng xóm {pn} đá với xóm {pn}, anh em ra cổ vũ",
    "tối qua mất ngủ vì con chó nhà bên sủa cả đêm, không biết nó thấy gì",
    "con gái {me} mới biết đi, mỗi bước là cả nhà vỗ tay",
    "nhà ai có máy khoan cho {me} mượn chút, {me} trả liền",
    "ai có số thợ sửa máy giặt uy tín cho {me} xin",
    "trời mưa mà phơi đồ quên lấy vô, ướt hết rồi 😭",
]

# ---- round 13: news of incidents elsewhere, retold at length; more short chat ------------------
M["off_news_long"] += [
    "{news_src}, {news_date}, tại một xã của tỉnh {province}, một vụ cháy nhà dân đã thiêu rụi toàn bộ tài sản, rất may không có thương vong. Nguyên nhân ban đầu được xác định do chập điện. Chính quyền địa phương đã hỗ trợ gia đình nơi ở tạm và kêu gọi hảo tâm giúp đỡ",
    "{news_src}: Công an thành phố thuộc tỉnh {province} vừa bắt giữ một đối tượng chuyên trộm xe máy tại các khu trọ công nhân. Tại cơ quan công an, đối tượng khai nhận đã thực hiện hơn chục vụ, bán xe lấy tiền tiêu xài. Người bị mất xe có thể liên hệ cơ quan điều tra để nhận lại",
    "đọc báo thấy thương: ở {province} một bé trai đi học về bị xe tải tông, người dân đưa đi cấp cứu kịp thời, bé đã qua cơn nguy kịch. Tài xế đã đến trình diện. Mấy nhà có con đi học một mình dặn các cháu đi sát lề nha",
    "{news_src}, lực lượng chức năng tỉnh {province} đã giải cứu nhiều lao động bị lừa sang nước ngoài làm việc cho các đường dây lừa đảo trực tuyến. Những người này được hứa hẹn việc nhẹ lương cao nhưng khi sang thì bị giữ giấy tờ, ép làm việc. Công an khuyến cáo người dân cảnh giác với các lời mời tương tự",
    "{news_src}: Chiều qua tại {province}, mưa lớn kéo dài khiến nhiều tuyến đường ngập sâu, hàng trăm xe máy chết máy. Một số trường học cho học sinh nghỉ. Đài khí tượng dự báo mưa còn kéo dài đến cuối tuần, người dân cần theo dõi thông tin thời tiết",
    "Fw từ nhóm khác: ở {province} có một vụ lừa đảo mới, kẻ gian giả làm nhân viên bưu điện gọi báo có bưu phẩm vi phạm rồi chuyển máy cho người giả công an. Một bà cụ đã mất cả trăm triệu. Mình gửi để mọi người biết, xứ mình chưa nghe ai bị",
    "{news_src}, phiên tòa xét xử vụ án giết người xảy ra tại {province} năm ngoái đã kết thúc, bị cáo bị tuyên án chung thân. Theo hồ sơ, bị cáo và nạn nhân có mâu thuẫn trong làm ăn. Gia đình bị hại có mặt tại tòa",
    "{news_src}: Một tàu cá của ngư dân {province} gặp nạn trên biển, 8 thuyền viên đã được tàu bạn cứu vớt an toàn và đưa vào bờ. Bộ đội biên phòng đang phối hợp lai dắt tàu về cảng",
]
M["off_short"] += [
    "ờ", "ừ đúng r", "ok luôn", "dạ con cảm ơn", "thôi ngủ đi", "cười đau bụng", "ai cho hỏi chút", "trưa nay ăn gì",
    "đi làm thôi", "tan ca rồi", "kẹt xe quá", "trễ giờ rồi", "nhớ mang áo mưa", "mai nghỉ học hả", "con ốm rồi",
    "ai có số thợ điện k", "thấy tin rồi", "báo hay ghê", "tin thật ko vậy", "nghe ghê quá", "bên đó ghê vậy",
    "đừng cãi nữa mà", "mày hay quá ha", "nói vậy ai chịu", "bà đó vô duyên", "ổng ăn nói kỳ", "tự ái hả",
    "nhạc hay quá", "bài này buồn ghê", "thơ ai viết vậy", "giá gạo lên rồi", "điện lại tăng", "xăng giảm rồi kìa",
    "shop giao nhanh ghê", "đồ mua online xấu quá", "quán đó dở tệ", "mua rồi xài ok", "nhóm mình vui ghê",
    "nhắc nhở đúng rồi ad", "dạ em sẽ chú ý", "em xin lỗi ad", "xin phép gỡ bài", "cảm ơn anh CSKV nhắc",
]

# ---- round 14: crime and accidents elsewhere as news; resolved emergencies told as stories ------
M["off_news"] += [
    "{news_src}: khởi tố 5 bị can trong đường dây mua bán hóa đơn khống tại {province}",
    "{news_src}, công an {province} bắt quả tang nhóm đối tượng đang đánh bạc tại một quán cà phê, thu giữ hơn trăm triệu",
    "{news_src}: truy nã đối tượng đâm chết người sau va chạm giao thông tại {province}",
    "{news_src}, cảnh sát giao thông {province} xử phạt hàng trăm trường hợp vi phạm nồng độ cồn trong tuần qua",
    "{news_src}: phá đường dây mua bán ma túy xuyên quốc gia, thu giữ hàng chục bánh heroin tại {province}",
    "{news_src}, hai xe khách đối đầu trên quốc lộ qua {province}, nhiều hành khách bị thương được đưa đi cấp cứu",
    "{news_src}: cháy chung cư mini ở {province}, lực lượng cứu hỏa đã cứu được nhiều người ra ngoài an toàn",
    "{news_src}, đối tượng cướp tiệm vàng ở {province} đã bị bắt sau 12 giờ gây án",
    "{news_src}: một nhân viên ngân hàng ở {province} bị khởi tố vì chiếm đoạt tiền gửi của khách",
    "{news_src}, cơ quan chức năng {province} tiêu hủy hàng tấn pháo nổ và vũ khí thu giữ trong năm",
    "đọc tin mà sợ: ở {province} có nhóm trộm chó dùng súng điện bị dân vây bắt",
    "xem trên báo thấy ở {province} có ông chồng say rượu đánh vợ bị phạt tù, đáng đời",
    "bên {province} mới bắt được băng cướp giật chuyên đi xe phân khối lớn, báo đăng hình rõ luôn",
]
M["off_news_long"] += [
    "{news_src}: Tòa án nhân dân huyện thuộc tỉnh {province} vừa xét xử lưu động vụ án cố ý gây thương tích. Theo cáo trạng, do mâu thuẫn trong lúc nhậu, bị cáo đã dùng dao đâm bạn nhậu bị thương nặng. Tòa tuyên phạt bị cáo {n2} tháng tù. Phiên tòa có đông đảo người dân địa phương tham dự",
    "{news_src}, {news_date}, Phòng Cảnh sát hình sự Công an tỉnh {province} đã triệt phá một băng nhóm chuyên cho vay lãi nặng, đòi nợ thuê. Nhóm này cho vay với lãi suất lên tới hàng trăm phần trăm một năm, khi con nợ chậm trả thì ném chất bẩn vào nhà, đe dọa. Cơ quan điều tra thu giữ nhiều sổ sách, hung khí",
    "Chia sẻ bài báo: ở {province} một nam sinh lớp 11 đã nhảy xuống sông cứu hai em nhỏ bị đuối nước, cả hai em đều an toàn. Em được tỉnh đoàn tặng bằng khen. Đọc mà nể, mong con cái mình sau này cũng dũng cảm vậy",
    "{news_src}: Công an tỉnh {province} thông tin về vụ việc một thanh niên livestream đua xe trên quốc lộ lúc nửa đêm. Qua truy xét, cơ quan công an đã xác định và triệu tập nhóm đối tượng, tạm giữ 6 xe máy. Vụ việc đang được xử lý theo quy định",
    "{news_src}, một vụ nổ bình gas tại quán ăn ở {province} trưa qua khiến 3 người bị bỏng, trong đó có một trẻ em. Các nạn nhân đã được đưa đi bệnh viện kịp thời, hiện sức khỏe ổn định. Cảnh sát PCCC đang làm rõ nguyên nhân",
    "đọc được trên báo: ở {province} có đường dây giả danh nhân viên điện lực gọi điện yêu cầu thanh toán tiền điện vào tài khoản lạ, nhiều hộ kinh doanh đã bị lừa. Công an tỉnh đó đã vào cuộc. Gửi để bà con nhà mình biết mà tránh",
]
M["off_story"] += [
    "Kể bà con nghe cho vui: tuần trước ba {me} bị đau bụng dữ dội lúc nửa đêm, cả nhà hoảng hồn gọi xe cấp cứu. Vô viện bác sĩ nói đau ruột thừa, mổ liền. Giờ ba khỏe rồi, về nhà ăn cháo được. Cảm ơn mọi người trong xóm đã tới thăm, nhà {me} mang ơn lắm",
    "Hồi chiều con {me} chạy xe đạp té trầy đầu gối, máu chảy ròng ròng, khóc quá trời. Băng bó xong nó đòi ăn kem mới chịu nín. Mấy đứa nhỏ bây giờ chạy xe đạp ẩu ghê, bố mẹ nhớ dặn tụi nhỏ đi chậm thôi",
    "Nhà {me} năm ngoái bị cháy bếp vì quên tắt nồi, may hàng xóm thấy khói chạy qua dập kịp. Từ đó {me} mua bình chữa cháy để trong bếp, tối nào đi ngủ cũng kiểm tra gas. Kể ra để mọi người rút kinh nghiệm, cháy rồi mới thấy sợ",
    "Hôm qua đi đám giỗ bên ngoại, mấy ông chú nhậu say rồi cãi nhau chuyện chia đất, to tiếng quá trời, mấy bà phải can. Sáng nay thì lại gọi điện xin lỗi nhau. Anh em trong nhà mà, giận thì giận chứ thương vẫn thương",
    "tui ke chuyen nay cho vui: toi qua nghe tieng dong ngoai san, tui tuong trom cam cay gay ra coi, hoa ra con meo nha ben leo len noc nha danh nhau voi con meo nha tui. ca nha cuoi muon xiu, tui thi run tay nay gio",
    "Mấy năm trước nhà {me} làm ăn thua lỗ, nợ nần chồng chất, tưởng không gượng dậy nổi. Cả nhà bảo nhau bớt ăn bớt tiêu, vợ chồng đi làm thêm, con lớn nghỉ hè đi phụ quán. Giờ trả gần hết nợ rồi. Kể ra để ai đang khó khăn thì ráng lên, rồi cũng qua",
]

# ---- round 15: prices and markets in the news and in chat (off_topic, not ads) --------------------
M["off_news"] += [
    "{news_src}: giá xăng từ chiều nay giảm {m2}0 đồng mỗi lít, dầu diesel tăng nhẹ",
    "{news_src}, giá điện sinh hoạt được điều chỉnh tăng {d1}% từ tháng tới",
    "{news_src}: giá vàng nhẫn {news_date} bán ra khoảng {m1}.{m3}.000 đồng một chỉ",
    "{news_src}, giá tiêu và giá cà phê đồng loạt giảm sau nhiều tuần tăng nóng",
    "{news_src}: chỉ số giá tiêu dùng tháng này tăng so với tháng trước, chủ yếu do giá thực phẩm",
    "{news_src}, giá cước taxi công nghệ tăng vào giờ cao điểm khiến nhiều người than phiền",
    "{news_src}: tỷ giá đô la hôm nay tăng nhẹ, ngân hàng niêm yết giá bán ra quanh 25 nghìn đồng",
    "{news_src}, các siêu thị giảm giá hàng Tết sớm, nhiều mặt hàng giảm tới 30%",
    "{news_src}: giá thuê trọ quanh các khu công nghiệp ở {province} tăng mạnh sau Tết",
    "{news_src}, giá lúa gạo ở đồng bằng sông Cửu Long tăng {m2}0 đồng mỗi ký, nông dân phấn khởi",
]
M["off_news_long"] += [
    "{news_src}: Từ 15 giờ chiều nay, liên Bộ Công Thương - Tài chính điều chỉnh giá bán lẻ xăng dầu. Theo đó, giá xăng RON95 giảm khoảng {m2}0 đồng mỗi lít, xăng E5 giảm nhẹ, dầu diesel giữ nguyên. Đây là lần giảm thứ hai liên tiếp trong tháng do giá thế giới đi xuống",
    "{news_src}, giá vàng trong nước sáng nay quay đầu giảm sau chuỗi ngày tăng mạnh. Các doanh nghiệp kinh doanh vàng niêm yết giá vàng miếng thấp hơn hôm qua khoảng một triệu đồng mỗi lượng. Chênh lệch giá mua và bán vẫn ở mức cao, người mua ngắn hạn dễ bị lỗ",
    "{news_src}: Tổng cục Thống kê cho biết giá thịt heo, rau xanh và trái cây đều tăng trong tháng qua do ảnh hưởng của mưa bão. Ngược lại, giá xăng dầu và giá cước vận tải giảm nhẹ. Dự báo giá cả sẽ ổn định trở lại sau Tết",
]
M["off_complain"] += [
    "xăng giảm có mấy trăm đồng mà đồ ăn thì không giảm đồng nào",
    "tiền gửi xe ở chợ tăng lên {m2} nghìn, đi chợ mua bó rau mà tốn tiền xe hơn tiền rau",
    "giá vàng lên xuống thất thường quá, mua hồi tháng trước giờ bán lỗ {money}",
]

# ---- round 15: administrative questions that use police words --------------------------------
M["off_admin"] += [
    "cho em hỏi làm lại CCCD bị hỏng chip thì có tốn phí không ạ",
    "đi xe không mang bằng lái thì bị phạt bao nhiêu vậy anh",
    "hỏi chút: xe chính chủ mà đứng tên ba đã mất thì sang tên làm ở công an huyện hay tỉnh",
    "anh CSKV cho em hỏi xin lý lịch tư pháp để đi làm thì nộp ở đâu, bao lâu có",
    "em quên đăng ký tạm vắng khi đi làm xa thì có bị phạt không anh",
    "cho hỏi nộp phạt vi phạm giao thông qua cổng dịch vụ công được chưa mọi người",
    "làm lại giấy đăng ký xe bị mất cần mang theo những gì vậy ạ",
    "khi nào công an phường có lịch cấp căn cước cho người già tại nhà vậy anh",
    "thủ tục xác nhận thông tin cư trú để con đi học mẫu giáo thì có cần lên công an không ạ",
    "nhà em có người nước ngoài tới chơi vài hôm thì khai báo tạm trú ở đâu",
]

# ---- round 16: personal texts (family and friends; ham in text-message style) -----------------------
M["off_personal"] = [
    "me oi chieu nay con ve tre, me an com truoc nha",
    "anh ơi nhớ mua sữa cho con trên đường về nha",
    "tối nay mấy giờ anh về, em nấu cơm chờ",
    "con toi nha ba roi, ba ngu som di",
    "ok em, mai 7h anh qua đón",
    "chị ơi mai em mượn cái xe một chút nhé, em trả trước trưa",
    "may oi toi nay di da banh khong, thieu 1 nguoi",
    "ba ơi con hết tiền ăn rồi, ba gửi con ít nha",
    "em tới rồi, đang đứng trước cổng",
    "nhớ uống thuốc đúng giờ nha mẹ",
    "dung quen mang ao mua, troi sap mua do",
    "mai họp phụ huynh lúc 8h, anh đi giùm em nhé",
    "cam on chi da gui qua cho be, be thich lam",
    "tuần sau cả nhà về quê ăn giỗ ông, mấy đứa sắp xếp nha",
    "alo em nghe, có gì nhắn em, em đang họp",
    "chuc mung sinh nhat em gai, chuc em luon xinh dep va hanh phuc",
    "ong xa oi toi nay an gi, em di cho",
    "con đã nộp học phí rồi mẹ nhé, cô gửi biên lai qua zalo",
    "để tối nói chuyện, giờ anh bận chút",
    "Me oi con dau bung, chieu nay xin nghi hoc, me viet giay phep cho con nhe",
    "anh Hai ơi, tết này nhà mình có ai về không, em tính đặt vé xe",
    "xe bi thung lop giua duong, em dang o tiem sua, chac ve tre",
    "cả nhà ơi ông nội khỏe rồi, bác sĩ cho về, mai cả nhà qua thăm",
    "tháng này em gửi mẹ {money} nha, mẹ nhớ mua thuốc",
    "chi oi cuoi tuan nay di cafe khong, lau qua khong gap",
]
M["off_pet"] = [
    "chó nhà {me} hôm nay đẻ 6 con, mẹ tròn con vuông, ai xin nuôi thì qua",
    "con mèo nhà {me} bỏ ăn 2 hôm nay, ai biết phòng khám thú y nào gần {place} không",
    "bé Corgi nhà {me} mới tắm xong, thơm phức, khoe cả nhà",
    "ai có kinh nghiệm nuôi chó Poodle chỉ {me} với, sao nó hay rụng lông quá",
    "con chó nhà {me} sủa cả đêm, hàng xóm phàn nàn, có cách nào dạy nó không",
    "nhà {me} có mấy con mèo con dễ thương, ai nhận nuôi miễn phí nhắn {me}",
    "Hôm nay con chó già nhà {me} mất rồi, nó sống với nhà {me} 14 năm, cả nhà buồn lắm. Chôn nó dưới gốc xoài sau nhà, mấy đứa nhỏ khóc quá trời. Nuôi thú cưng rồi mới biết nó như người trong nhà",
    "đi tiêm phòng dại cho chó mèo ở trạm thú y xã miễn phí vào thứ bảy này nha bà con",
    "con vẹt nhà {me} mới học nói được chữ 'chào', vui ghê",
    "Con mèo nhà tui khôn lắm, sáng nào cũng ra đầu ngõ đợi thằng con tui đi học về. Bữa nào thằng nhỏ về trễ là nó ngồi kêu meo meo hoài. Kể cho vui thôi",
]

# ---- round 17: emergency words used innocently (chit-chat must never look urgent) -----------------
M["off_innocent"] = [
    "cứu tui với, bài tập toán lớp 5 của con khó quá",
    "nóng cháy da luôn bà con ơi",
    "cháy hàng rồi, bánh bán hết trơn",
    "trời ơi cứu với, con mèo lại làm đổ chậu cây",
    "đói muốn xỉu, ai cứu đói cho tui",
    "cháy máy rồi, điện thoại nóng ran",
    "thủ môn cứu thua phút chót, hú hồn",
    "tối qua coi phim kinh dị sợ muốn chết, cứu",
    "cãi nhau với vợ xong, giờ đang bị đuổi ra phòng khách ngủ, ai cứu tui",
    "nồi cá kho cháy khét lẹt, cả nhà nhịn ăn tối",
    "sale sốc quá, cháy túi mất rồi",
    "hết cứu nổi cái wifi nhà em, chậm như rùa",
    "Kỳ thi tới nơi mà con chưa học chữ nào, mẹ nó thì la, ba nó thì im, đúng là cứu không kịp. Thôi tối nay ngồi kèm bài cho nó vậy",
    "đội nhà thua 3-0, thua tan nát, xem mà muốn khóc, ai cứu nổi hàng thủ này",
    "lửa tình cháy bỏng gì đâu, chồng tui ngủ từ 8 giờ tối",
    "hôm nay chạy deadline cháy máy, về tới nhà là ngủ như chết",
    "khẩn cấp: ai có công thức làm bánh bò không, mai đám giỗ rồi 😂",
    "gấp gấp, ai cho mượn cái nồi lẩu tối nay với, nhà có khách",
]
