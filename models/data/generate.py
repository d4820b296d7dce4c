"""Reproducible generator of the binhyen training set (models/data/train.jsonl).

Every sentence fragment below was written by hand for this project (see
README.md in this folder); nothing is copied from the dev set or any outside
corpus. Messages are built by slot-filling hand-written templates, then grown
by programmatic augmentation (diacritics stripped, teencode, typos, casing,
emoji, repeated letters), de-duplicated on their normalised form and balanced
across the four categories.

    python models/data/generate.py            # writes models/data/train.jsonl
    python models/data/generate.py --check    # regenerates in memory, fails if the file differs
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Callable

SEED = 20261123
HERE = Path(__file__).resolve().parent
OUT = HERE / "train.jsonl"
PER_CATEGORY = 12000  # messages per category after augmentation and balancing
URGENT_SHARE = 0.45  # share of tips that are urgent

# --------------------------------------------------------------------------------------
# Slots
# --------------------------------------------------------------------------------------

S: dict[str, list[str]] = {}

S["pn"] = """Tân Hòa|Phú Lợi|An Bình|Hòa Khánh|Đông Xuyên|Mỹ Thạnh|Thạch Bàn|Vĩnh Phước|Cẩm Lệ|Nghĩa Tân|
Bình Trị|Long Hưng|Thanh Liệt|Yên Phụ|Hưng Lộc|Phước Kiển|Tam Hiệp|Xuân Đỉnh|Trà Nóc|Cái Khế|Hòa Xuân|
Thủy Xuân|Vỹ Dạ|An Cựu|Định Công|Văn Quán|Tân Định|Bình Thới|Thới An|Hiệp Thành|Đại Mỗ|Ngọc Thụy|
Đông Ngạc|Tân Lập|Hòa Minh|An Hải|Phước Mỹ|Nại Hiên|Hương Sơ|Kim Long|Phú Hậu|Xuân Phú|Lộc Thọ|Vạn Thắng|
Phước Hải|Tân Thành|Đồng Tâm|Hạ Đình|Mai Động|Lĩnh Nam|Cổ Nhuế|Phú Diễn|Tây Mỗ|Long Bình|Tam Phước|
Thạnh Phú|Bình Chánh|Nhơn Trạch|Phong Điền|Hòa Vang|Điện Ngọc|Cửa Đại|Cẩm Phô|Tịnh Khê|Nghĩa Lộ|
Ea Tam|Tân Lợi|Bảo Lộc|Cam Ly|Mường Thanh|Nà Sản|Bản Lướt|Đồng Văn|Khe Sanh|Cửa Tùng|Quỳnh Lưu|Hưng Dũng|
Bến Thủy|Đông Vĩnh|Trung Đô|Hàm Rồng|Đông Sơn|Phú Sơn|Lam Sơn|Kỳ Anh|Thạch Linh""".replace("\n", "").split("|")
S["street"] = """Nguyễn Trãi|Lê Văn Sỹ|Trần Hưng Đạo|Hai Bà Trưng|Nguyễn Văn Cừ|Phan Đình Phùng|Quang Trung|
Lý Thường Kiệt|Hùng Vương|Điện Biên Phủ|Tôn Đức Thắng|Võ Văn Kiệt|Phạm Văn Đồng|Nguyễn Tất Thành|
Trường Chinh|Lạc Long Quân|Âu Cơ|Bạch Đằng|Ngô Quyền|Cách Mạng Tháng Tám|Nguyễn Thị Minh Khai|Hoàng Diệu|
Lê Hồng Phong|Phan Chu Trinh|Trần Phú|Nguyễn Du|Bà Triệu|Lê Thánh Tông|Hoàng Văn Thụ|Cộng Hòa|Xô Viết Nghệ Tĩnh|
Nguyễn Sinh Sắc|Tỉnh lộ 10|Quốc lộ 1A|Quốc lộ 13|Đại lộ Bình Dương|đường ven sông|đường liên xã|đường bờ đê""".replace("\n", "").split("|")
S["name"] = """Hùng|Lan|Tuấn|Hoa|Minh|Thảo|Dũng|Hương|Nam|Phượng|Sơn|Hạnh|Tâm|Bình|Cường|Nga|Khánh|Quý|Tư|Sáu|
Bảy|Út|Hai|Ba|Năm|Hiền|Phúc|Lộc|Thắng|Vân|Yến|Đức|Toàn|Trang|Nhung|Thủy|Loan|Hải|Long|Kiên|Mơ|Thơm|Tèo|
Cúc|Đào|Xuân|Hòa|Quang|Tú|Vy|Ngọc|Châu|Diệp|Khoa|Trí|Tín|Nghĩa""".replace("\n", "").split("|")
S["person"] = ["anh {name}", "chị {name}", "cô {name}", "chú {name}", "bác {name}", "ông {name}", "bà {name}",
               "o {name}", "dì {name}", "cậu {name}", "thím {name}", "em {name}", "ông bà {name}"]
S["place"] = [
    "hẻm {n} {street}", "ngõ {n} {street}", "đầu hẻm {n}", "cuối ngõ {n}", "chợ {pn}", "cổng trường {school}",
    "khu trọ gần {landmark}", "tổ {n}", "xóm {pn}", "ấp {pn}", "thôn {pn}", "đường {street}", "ngã ba {pn}",
    "ngã tư {street}", "bến xe {pn}", "cây xăng {pn}", "công viên {pn}", "bờ kè {pn}", "chân cầu {pn}",
    "bãi xe chung cư {pn}", "khu công nghiệp {pn}", "gần đình {pn}", "sau chùa {pn}", "đoạn đê {pn}",
    "quán net đầu đường {street}", "khu tập thể {pn}", "bờ sông {pn}", "bãi đất trống sau {landmark}",
    "tiệm tạp hóa {person}", "nhà văn hóa {pn}", "khu phố {n}", "tổ dân phố số {n}", "bản {pn}", "khóm {n}",
    "hẻm {n}/{n2} {street}", "kiệt {n} {street}", "số nhà {n} {street}", "lô {n} khu tái định cư {pn}",
    "chung cư {pn} block {blk}", "cánh đồng sau xóm {pn}", "rẫy cà phê {pn}", "vườn điều ấp {pn}", "trước cửa {landmark}",
]
S["landmark"] = ["chợ {pn}", "trường cấp 2 {pn}", "UBND phường", "nhà thờ {pn}", "siêu thị Co.op", "bệnh viện huyện",
                 "nhà văn hóa tổ {n}", "cây xăng {pn}", "tiệm vàng {name}", "cầu {pn}", "bến đò {pn}", "đình làng {pn}",
                 "trạm y tế xã", "trường mầm non {pn}", "quán cà phê {name}", "tiệm thuốc tây {name}"]
S["school"] = ["tiểu học {pn}", "THCS {pn}", "THPT {pn}", "mầm non {pn}", "cấp 3 {pn}", "Đại học {pn}"]
S["blk"] = list("ABCDEFGH")
S["me"] = ["em", "tôi", "mình", "tui", "cháu", "tớ", "con"]
S["home"] = ["nhà em", "nhà tôi", "nhà mình", "nhà tui", "nhà cháu", "gia đình em", "nhà con", "nhà anh"]
S["all"] = ["mọi người", "bà con", "cả nhà", "anh chị em", "ae", "cô chú anh chị", "bà con cô bác", "các bác",
            "mn", "mấy anh chị", "bà con lối xóm", "cả xóm", "các anh chị trong nhóm", "anh em trong nhóm"]
S["police"] = ["công an phường", "công an xã", "anh CSKV", "anh công an khu vực", "công an thị trấn",
               "các anh công an", "anh trưởng công an xã", "bên công an", "anh {name} công an", "CA phường",
               "chú công an", "công an viên", "anh cảnh sát khu vực", "đồn công an"]
S["past"] = ["sáng nay", "tối qua", "đêm qua", "hôm qua", "hôm kia", "chiều qua", "tuần trước", "mấy hôm trước",
             "khoảng 2h sáng nay", "tầm 11h đêm qua", "rạng sáng nay", "sáng sớm nay", "đêm hôm kia", "bữa trước",
             "hôm thứ bảy", "chủ nhật tuần rồi", "đầu tháng này", "trưa hôm qua", "lúc {h}h sáng nay",
             "khoảng {h} giờ tối qua", "bữa hổm", "hồi khuya", "đêm rồi", "tháng trước", "hôm bữa", "khuya qua"]
S["h"] = [str(i) for i in range(1, 13)]
S["n"] = [str(i) for i in range(1, 120)]
S["n2"] = [str(i) for i in range(1, 40)]
S["age"] = [str(i) for i in range(2, 15)]
S["old_age"] = [str(i) for i in range(65, 92)]
S["bike"] = ["Wave", "Wave Alpha", "Sirius", "Exciter", "Air Blade", "Vision", "SH Mode", "Dream", "Future",
             "Lead", "Winner", "xe đạp điện", "xe số màu đen", "xe tay ga trắng", "Satria", "Raider", "Jupiter"]
S["plate"] = ["{d2}{L}{d1}-{d3}.{d2}", "{d2}{L}-{d3}.{d2}", "{d2}{L}{d1} {d3}{d2}"]
S["L"] = list("ABCDEFGHKLMNPSTUVXYZ")
S["d1"] = [str(i) for i in range(1, 10)]
S["d2"] = [f"{i:02d}" for i in range(11, 99)]
S["d3"] = [f"{i:03d}" for i in range(100, 999)]
S["color"] = ["đen", "trắng", "đỏ", "xanh", "xám", "vàng", "nâu", "hồng", "xanh lá", "xanh dương", "tím", "cam"]
S["shirt"] = ["áo thun {color}", "áo sơ mi {color}", "áo khoác {color}", "áo đồng phục trường", "áo ba lỗ {color}",
              "áo hoodie {color}", "áo {color} quần jean"]

# --------------------------------------------------------------------------------------
# Category: tip, not urgent
# --------------------------------------------------------------------------------------

S["stolen"] = ["chiếc xe {bike}", "xe {bike} biển số {plate}", "cái điện thoại để trên bàn", "con gà chọi",
               "2 con chó", "bình ắc quy xe tải", "máy bơm tưới đặt ở bờ ruộng", "đồng hồ nước", "cái bình gas",
               "mấy chậu lan", "dây điện ngoài cột", "chiếc xe đạp của con", "cái laptop", "két tiền trong quầy",
               "thùng bia để trước hiên", "gương xe máy", "bộ mâm xe", "cửa sắt phế liệu", "bao lúa mới phơi",
               "mấy con vịt", "cái camera trước cổng", "nồi đồng trên bàn thờ", "heo con trong chuồng",
               "tôn lợp mái kho", "hàng rào lưới B40", "3 bao cà phê nhân", "cây cảnh trước sân", "dàn loa kẹo kéo",
               "sợi dây chuyền vàng", "ví tiền trong cốp xe", "cáp đồng của trạm bơm", "ống nhòm với cần câu",
               "xe rùa với cuốc xẻng", "nắp cống gang ngoài đường"]
S["thief"] = ["thằng trộm", "tên trộm", "kẻ gian", "tụi trộm", "trộm", "đối tượng", "hai thanh niên lạ mặt",
              "một người đàn ông đội mũ lưỡi trai", "mấy đứa nghiện", "tụi nó", "2 đứa đi xe không biển"]
S["tip_body"] = [
    "{past} {home} bị {thief} lấy mất {stolen}",
    "{past} {home} bị trộm {stolen}, camera có quay được mặt",
    "{home} ở {place} vừa phát hiện mất {stolen} {past}",
    "{past} {thief} cạy khóa vào {home} lấy {stolen} rồi bỏ đi",
    "dạo này khu {place} hay mất trộm lắm, {home} {past} cũng mất {stolen}",
    "khu {place} mấy tuần nay liên tục bị mất {stolen}, bà con ai cũng lo",
    "{past} có {thief} lẻn vào {place} bẻ khóa lấy {stolen}",
    "xe {bike} của {person} dựng trước cửa {past} bị trộm mất, biển số {plate}",
    "{past} {person} đi chợ về bị giật túi ở {place}, mất điện thoại với {money}",
    "{past} {me} đi ngang {place} bị 2 thanh niên đi xe máy giật dây chuyền, giờ mới dám kể",
    "ở {place} có một nhóm tụ tập đánh bạc ăn tiền suốt mấy tháng nay, chiều nào cũng đông",
    "nhà cuối {place} tối nào cũng có sòng bài, xe đậu kín hẻm, ồn ào tới khuya",
    "sau {landmark} có đá gà ăn tiền vào chủ nhật hàng tuần, người ngoài tới đông lắm",
    "{place} có điểm ghi lô đề công khai, bán cả cho học sinh",
    "có tụ điểm xóc đĩa ở {place}, người ta canh gác đầu hẻm",
    "mấy thanh niên hay tụ tập ở {place} hút bóng cười, có khi nghi hút cả ma túy",
    "em nghi nhà trọ số {n} ở {place} có người bán ma túy, khách ra vào liên tục ban đêm",
    "gần {landmark} thường có kim tiêm vứt bừa bãi, chắc có con nghiện chích ở đó",
    "có xe lạ không biển số cứ chạy qua lại {place} mấy hôm nay, dòm ngó nhà dân",
    "mấy ngày nay có 2 người lạ hay đứng ở {place} nhìn vào các nhà, nghi đi thăm dò để trộm",
    "có người lạ đi xe {bike} giả thu mua phế liệu hay vào hẻm nhìn ngó, bà con cẩn thận",
    "mọi người cảnh giác, có số {phone} gọi tự xưng là công an yêu cầu chuyển tiền để phục vụ điều tra",
    "{home} vừa nhận cuộc gọi giả danh nhân viên điện lực đòi cắt điện nếu không chuyển khoản, {all} đừng tin",
    "có đối tượng gọi điện giả làm bên ngân hàng xin mã OTP, {all} tuyệt đối không đưa",
    "cảnh báo {all}: có người nhắn tin giả làm con cái bị tai nạn cần chuyển tiền gấp, {person} suýt bị lừa",
    "{me} bị lừa mất {money} vì tham gia nhóm chốt đơn ảo ăn hoa hồng trên mạng, nhờ {police} hướng dẫn cách trình báo",
    "mẹ {me} bị kẻ gian gọi giả danh tòa án, lừa chuyển hết {money} tiền tiết kiệm, giờ phải làm sao",
    "có người đến từng nhà ở {place} giả làm nhân viên y tế bán thuốc và thu tiền, {all} cẩn thận",
    "{person} bị lừa mua vé máy bay giả trên mạng mất {money}, đề nghị {police} vào cuộc",
    "có tin nhắn giả mạo tổng đài báo trúng thưởng rồi bắt nộp phí, nhiều người trong xóm dính rồi",
    "bà con lưu ý chiêu lừa gọi video giả mặt người thân mượn tiền, nhà {person} vừa mất {money}",
    "cảnh giác với mấy người tự xưng cán bộ đi kiểm tra bình chữa cháy rồi ép mua, {place} đã có người bị",
    "xe tải chở đất quá tải chạy suốt đêm qua {place}, đường nát hết, bụi mù mịt",
    "xe ben chở cát chạy tốc độ cao qua {place} lúc tan trường, rất nguy hiểm cho học sinh",
    "tối nào cũng có nhóm thanh niên đua xe, nẹt pô trên đường {street} tới 1-2 giờ sáng",
    "mấy quán nhậu lấn chiếm hết vỉa hè {street}, người đi bộ phải xuống lòng đường",
    "người ta đổ trộm xà bần với rác thải ra {place} vào ban đêm",
    "có người kích điện bắt cá ở mương {place}, rất nguy hiểm cho trẻ con tắm sông",
    "nhà {person} ở {place} thường xuyên đánh vợ con mỗi khi say rượu, hàng xóm ai cũng biết",
    "{past} {home} bị nhóm đòi nợ thuê ném mắm tôm và tạt sơn vào cửa",
    "{me} nghi gặp người có mặt giống trong lệnh truy nã dán ở phường, hắn hay ngồi quán nước ở {place}",
    "{me} muốn giao nộp một khẩu súng hoa cải cũ của ông nội để lại, liên hệ ai ạ",
    "{home} đào móng nhà thấy một quả đạn pháo cũ, nhờ {police} tới thu giữ",
    "có người bán pháo nổ cho trẻ con ở {place}, sắp Tết rồi {police} kiểm tra giúp",
    "{past} có vụ va chạm ở {place}, người tông bỏ chạy, ai có camera cho {me} xin trích xuất",
    "{past} {person} bị xe tông rồi bỏ chạy ở {place}, xe {bike} màu {color}, ai thấy báo giúp",
    "nhóm thanh niên ở {place} hay chặn đường học sinh xin tiền, đánh mấy đứa nhỏ",
    "có người lạ ở {place} hay dụ trẻ con cho bánh kẹo rồi hỏi chuyện, {all} để ý con cái",
    "quán karaoke ở {place} có nhân viên nữ và tụ tập dùng ma túy, thường mở tới sáng",
    "có người cho vay nặng lãi ở {place}, lãi cắt cổ, ai trễ là bị đến nhà đe dọa",
    "tiệm cầm đồ ở {place} nhận cả xe không giấy tờ, nghi tiêu thụ đồ ăn trộm",
    "có nhóm người lạ thuê nhà ở {place}, đêm nào cũng ra vào, nghi đánh bạc qua mạng",
    "{past} {home} bị mất {stolen}, đã báo {police} mà chưa thấy ai xuống",
    "tài khoản Zalo của {person} bị hack, kẻ gian nhắn mượn tiền người quen, {all} đừng chuyển",
    "có người giả làm nhân viên công ty điện nước vào nhà kiểm tra rồi lấy trộm đồ, {past} ở {place}",
    "{place} mất điện thì tụi nhỏ tụ tập phá khóa xe, đề nghị tăng cường tuần tra",
    "có đám thanh niên mang theo hung khí tụ tập ở {place} mấy tối nay, {me} sợ có đánh nhau",
    "{past} có ẩu đả ở quán nhậu {place}, có người bị thương đã đi viện, {police} xác minh giúp",
    "xe công nông chở gỗ lậu đi qua {place} ban đêm, không đèn, rất nguy hiểm",
    "có đối tượng đi từng nhà xin chữ ký rồi mượn CCCD, {all} đừng cho mượn giấy tờ",
    "người ta vứt bỏ một trẻ sơ sinh ở {place} {past}, bé đã được đưa vào trạm y tế",
    "{me} phát hiện người lạ ngủ ở nhà hoang {place}, có hành vi khả nghi",
    "chó thả rông không rọ mõm ở {place} đã cắn 2 đứa nhỏ, nhờ {police} nhắc nhở chủ nhà",
    "hàng xóm thả diều gần đường dây điện cao thế ở {place}, {police} nhắc giúp kẻo tai nạn",
    "{past} có người đánh bắt bằng xung điện trộm cá ở ao {person}",
    "có đối tượng trộm chó bằng súng bắn thuốc mê đi xe {bike} hay qua {place} lúc sáng sớm",
    "thanh niên chạy xe lạng lách, bốc đầu ở {place} mỗi tối cuối tuần",
    "có người mua bán hóa đơn, làm giả giấy tờ xe ở tiệm photo {place}",
    "{past} {me} bị một nhóm lạ mặt chặn đường đe dọa ở {place}, giờ vẫn còn sợ",
    "ở {place} có nhóm cho vay qua app gọi khủng bố người thân, ghép ảnh bôi nhọ",
]
S["money"] = ["{m1} triệu", "{m1}tr", "{m2}k", "{m2} nghìn", "{m1} củ", "{m1}.{m3}.000đ", "{m1} triệu rưỡi",
              "{m2}.000 đồng", "hơn {m1} triệu", "gần {m1}0 triệu"]
S["m1"] = [str(i) for i in range(1, 60)]
S["m2"] = [str(i * 10) for i in range(1, 99)]
S["m3"] = [str(i * 100) for i in range(1, 10)]

# --------------------------------------------------------------------------------------
# Category: tip, urgent (police must act now)
# --------------------------------------------------------------------------------------

S["weapon"] = ["dao", "mã tấu", "dao phay", "gậy sắt", "tuýp sắt", "kiếm", "súng", "hung khí", "dao bầu", "vỏ chai",
               "dao rựa", "côn nhị khúc", "bình xịt hơi cay", "búa"]
S["urg_body"] = [
    "đang có đánh nhau ở {place}, tụi nó cầm {weapon} chém nhau",
    "có nhóm thanh niên cầm {weapon} đang rượt đuổi nhau ở {place}",
    "đang có hỗn chiến ở {place}, có người bị chém chảy máu nhiều lắm",
    "{place} đang có 2 nhóm tụ tập cầm {weapon} chuẩn bị đánh nhau",
    "{person} vừa bị giật túi ở {place}, 2 thằng chạy xe {bike} về hướng {street}, ai gặp chặn giùm",
    "vừa có cướp ở {place}, tên cướp còn đang chạy bộ vào hẻm {n}, mặc {shirt}",
    "tiệm vàng ở {place} vừa bị cướp, đối tượng cầm {weapon} chạy xe {bike}",
    "cháy nhà ở {place}, lửa bốc cao lắm, gọi cứu hỏa 114 giùm",
    "đang cháy lớn ở xưởng gỗ {place}, khói đen mù mịt, có người còn kẹt trong đó",
    "cháy chợ {pn} rồi bà con ơi, lửa lan sang mấy sạp bên cạnh",
    "nhà {person} đang cháy, trong nhà còn ông bà già không ra được",
    "có đứa nhỏ bị đuối nước ở {place}, người ta đang mò mà chưa thấy",
    "có người nhảy cầu {pn}, đang trôi giữa dòng, cứu với",
    "con {me} {age} tuổi đi chơi từ chiều tới giờ không thấy về, mặc {shirt}, ai thấy báo {me} với",
    "bé trai {age} tuổi bị lạc ở {place} khoảng 30 phút trước, mặc {shirt}, {all} ai thấy giữ bé lại giúp",
    "bà nội {me} {old_age} tuổi trí nhớ kém, sáng ra chợ rồi không biết đường về, {all} ai thấy báo giúp",
    "con gái {me} học lớp {n2} đi học từ trưa không về, điện thoại không liên lạc được",
    "ông ngoại {me} mất tích từ tối qua, mặc {shirt}, đi bộ, {all} giúp tìm với",
    "có trộm đang cạy cửa nhà {person} ở {place}, {me} nghe tiếng động, {police} tới ngay",
    "đang có người lạ trèo tường vào nhà {person}, nhà đi vắng, mọi người ra coi giùm",
    "tụi nó đang giao ma túy ngay đầu {place}, xe {bike} biển {plate}, tới liền còn kịp",
    "hàng xóm đang đánh vợ dã man, chị ấy kêu cứu nãy giờ, {police} xuống gấp",
    "thằng con nghiện đang cầm {weapon} dọa giết bố mẹ ở {place}",
    "có người ngáo đá cầm {weapon} đi ngoài đường {street} đập phá xe cộ",
    "tai nạn ở {place}, một người nằm bất tỉnh, chảy máu đầu, gọi 115 với",
    "xe tải lật đè lên xe máy ở {place}, có người mắc kẹt bên dưới",
    "nổ bình gas ở quán ăn {place}, có người bị bỏng",
    "có người bị điện giật ở {place}, đang nằm bất động",
    "đang có nhóm đòi nợ đập phá nhà {person} ở {place}, có cả {weapon}",
    "có kẻ bắt cóc trẻ em ở cổng trường {school}, 1 bé bị kéo lên xe ô tô {color}",
    "có người đàn ông đang đứng trên lan can cầu {pn} định nhảy xuống",
    "nước lũ đang cuốn trôi một người ở ngầm tràn {pn}",
    "sạt lở đất ở {place}, một nhà bị vùi, cần người cứu ngay",
    "2 thanh niên cầm {weapon} vào tiệm tạp hóa {person} cướp tiền rồi chạy về hướng {street}",
    "đang có người cầm {weapon} khống chế con tin trong nhà ở {place}",
    "mới bị cướp xe ở {place}, thằng cướp đi bộ còn quanh quẩn đây, {police} tới liền",
    "ngay bây giờ có đám đua xe hơn 30 chiếc cầm {weapon} chạy qua {street}",
    "có người lạ đang phá khóa xe ở {place}, {me} đang đứng nhìn đây",
    "phát hiện 1 người bị đâm nằm ở {place}, còn thở, gọi cấp cứu gấp",
    "khói bốc ra từ căn nhà khóa cửa ở {place}, không biết trong có ai không",
    "bé gái {age} tuổi đi lạc ở chợ {pn} mới đây, mặc {shirt}, mẹ bé đang khóc tìm",
    "có người bị tụi nó đánh hội đồng ngay trước {landmark}, chảy máu nhiều rồi",
    "đang có trộm trong nhà {person}, bà con bao vây rồi, tụi nó có {weapon}",
    "xe khách tông liên hoàn ở {place}, nhiều người bị thương",
    "thuyền chở khách bị lật ở bến đò {pn}, còn mấy người chưa vớt được",
]
S["now_word"] = ["", "", "ngay bây giờ ", "ngay lúc này ", "vừa xong ", "mới đây 5 phút ", "gấp ", ""]

# --------------------------------------------------------------------------------------
# Category: spam
# --------------------------------------------------------------------------------------

S["product"] = ["mật ong rừng nguyên chất", "nước mắm nhĩ Phú Quốc", "trà sâm dứa", "cà phê rang xay nguyên chất",
                "gạo ST25", "bánh tráng trộn", "khô cá lóc", "lạp xưởng tươi", "yến sào", "đông trùng hạ thảo",
                "nấm linh chi", "rượu ngâm", "sữa non tăng cân", "kem chống nắng", "son môi handmade", "nồi chiên không dầu",
                "máy lọc nước", "quạt điều hòa", "đồ bộ mặc nhà", "váy đầm thiết kế", "giày sneaker", "túi xách",
                "đồng hồ thông minh", "tai nghe bluetooth", "ốp lưng điện thoại", "sim số đẹp", "bảo hiểm nhân thọ",
                "bánh trung thu handmade", "xoài cát Hòa Lộc", "sầu riêng Ri6", "vải thiều", "măng khô", "chả lụa",
                "thịt heo sạch", "gà ta thả vườn", "trứng gà ta", "tinh dầu sả chanh", "thuốc xương khớp gia truyền",
                "viên uống trắng da", "trà giảm cân", "cao dán thảo dược", "máy massage cổ vai gáy", "đất nền sổ sẵn",
                "căn hộ mini", "xe máy cũ", "điện thoại cũ", "nệm cao su", "rèm cửa", "cây giống"]
S["cta"] = ["inbox em ngay", "ib em nhé", "liên hệ {phone}", "zalo {phone}", "gọi {phone}", "đặt hàng tại {url}",
            "bấm link {url}", "nhắn tin cho em", "comment số 1 để em ib", "ai cần thì ib", "đăng ký tại {url}",
            "chi tiết xem tại {url}", "add zalo {phone} để được tư vấn", "nhắn telegram {handle}", "hotline {phone}",
            "liên hệ chị {name} {phone}", "để lại sđt em gọi lại"]
S["url"] = ["{w1}{w2}.{tld}", "https://{w1}-{w2}.{tld}/{w3}", "http://{w1}{n}.{tld}", "bit.ly/{w3}{n}",
            "www.{w1}{w2}.{tld}", "https://{w1}{w2}{n}.{tld}/dang-ky"]
S["w1"] = ["vay", "vaynhanh", "tien", "mua", "shop", "hot", "sale", "win", "quatang", "nhanqua", "kiemtien", "game",
           "tuyen", "job", "lucky", "bet", "top", "ok", "fast", "cash", "gold", "vip"]
S["w2"] = ["nhanh", "online", "club", "24h", "247", "vn", "viet", "pro", "sieure", "uytin", "360", "plus", "hub",
           "now", "tot", "free", "x"]
S["w3"] = ["abc", "xyz", "km", "uudai", "qua", "nhan", "ref", "id", "go", "app", "x9k", "r7p", "vip"]
S["tld"] = ["com", "vn", "net", "xyz", "top", "club", "info", "online", "site", "shop", "vip", "cc", "me"]
S["handle"] = ["@{w1}{w2}", "@{w1}_{w2}{n}", "@{w1}{n}"]
S["spam_body"] = [
    "vay nhanh bằng căn cước, tiền về tài khoản sau {n2} phút, không xét hồ sơ, {cta}",
    "hỗ trợ vay vốn {money} lãi suất thấp, nợ xấu vẫn duyệt, không gọi người thân, {cta}",
    "cần tiền gấp? vay online {money} duyệt 5 phút, nhận tiền ngay, {cta}",
    "đáo hạn thẻ tín dụng, rút tiền mặt từ thẻ phí rẻ nhất khu vực, {cta}",
    "nhà em có {product} nhà làm, cam kết chất lượng, giá {money}, {cta}",
    "bán {product} giá chỉ {money}, ship COD toàn quốc, {cta}",
    "xả kho {product} đồng giá {money}, số lượng có hạn, {cta}",
    "thanh lý {product} còn mới 90%, giá {money} có thương lượng, {cta}",
    "khuyến mãi sốc: mua 2 tặng 1 {product}, freeship đơn từ {money}, {cta}",
    "em nhận order {product} chính hãng, giá tốt nhất thị trường, {cta}",
    "bán gấp {product} chính chủ, giá {money}, ai quan tâm {cta}",
    "{product} giảm giá 50% hôm nay thôi, nhanh tay {cta}",
    "{h} giờ tối nay em lên sóng trực tiếp thanh lý {product}, cả nhà vào xem chốt đơn nha, {cta}",
    "tuyển cộng tác viên làm việc tại nhà, chỉ cần điện thoại, thu nhập {money}/ngày, {cta}",
    "việc nhẹ lương cao: thả tim sản phẩm, viết đánh giá, nhận hoa hồng {n2}%, {cta}",
    "cần gấp {n2} bạn nữ đi làm phục vụ, lương {money}/tháng, bao ăn ở, {cta}",
    "tuyển lao động đi Nhật, Hàn, Đài Loan không yêu cầu ngoại ngữ, xuất cảnh nhanh, phí thấp, {cta}",
    "cơ hội kinh doanh không cần vốn, thu nhập thụ động, cần thêm {n2} cộng sự cùng phát triển, {cta}",
    "mô hình bán hàng qua mạng đang mở rộng, làm chủ thời gian, thưởng chuyến du lịch, {cta}",
    "nhà cái hàng đầu khu vực, thưởng 100% lần nạp đầu tiên, rút về tài khoản trong 3 phút, {cta}",
    "soi cầu lô đề chuẩn 99%, bao lô miền Bắc, vào nhóm VIP {cta}",
    "chơi game bắn cá đổi thưởng, nạp {money} nhận ngay {money}, {cta}",
    "đầu tư coin lãi {n2}%/tháng, rút vốn bất cứ lúc nào, cam kết không lỗ, {cta}",
    "sàn forex chính thống, nhóm chuyên gia dẫn lệnh, lợi nhuận {n2}% mỗi tuần, {cta}",
    "chia sẻ lên trang cá nhân kèm gắn thẻ 5 bạn bè, bạn sẽ được tặng {money} tiền mặt",
    "chúc mừng bạn đã trúng thưởng iPhone 16 từ chương trình tri ân, bấm link {url} để nhận quà",
    "tài khoản ngân hàng của quý khách bị tạm khóa, vui lòng truy cập {url} để xác minh",
    "thông báo: quý khách có gói quà tặng {money} sắp hết hạn, xác nhận ngay tại {url}",
    "bạn có một bưu kiện bị giữ lại, cập nhật địa chỉ và đóng phí tại {url}",
    "cài app {w1}{w2} nhận {money} miễn phí cho thành viên mới, {cta}",
    "nhận làm bằng lái, bằng đại học, giấy tờ nhanh không cần thi, {cta}",
    "khoan cắt bê tông, thông cống nghẹt, hút hầm cầu giá rẻ 24/7, {cta}",
    "nhận sửa máy lạnh, máy giặt, tủ lạnh tại nhà, có mặt sau 30 phút, {cta}",
    "dạy kèm tại nhà các môn toán lý hóa tiếng Anh, giáo viên giỏi, {cta}",
    "dịch vụ cầm đồ nhanh, cầm xe không giữ xe, lãi thấp, {cta}",
    "mở bán dự án {pn} Riverside, sổ hồng riêng, hỗ trợ vay đến 70% giá trị, giá chỉ {money}, {cta}",
    "bán lô đất thổ cư {n}m2 mặt tiền đường {street}, giá đầu tư {money}, {cta}",
    "cho thuê phòng trọ mới xây ở {place}, giá {money}/tháng, có gác lửng, {cta}",
    "giảm cân an toàn 5-7kg trong 1 tháng bằng trà thảo mộc, không tác dụng phụ, {cta}",
    "thuốc gia truyền chữa dứt điểm đau lưng, xương khớp, tiểu đường, {cta}",
    "mua bảo hiểm xe máy online chỉ {money}/năm, giao tận nhà, {cta}",
    "sim đẹp đuôi lộc phát, số gánh, giá từ {money}, {cta}",
    "ai có nhu cầu lắp camera, wifi, chống trộm giá ưu đãi {cta}",
    "khai trương quán {name} coffee ở {place}, giảm 30% toàn menu tuần đầu, ghé ủng hộ nha",
    "nhận ship đồ ăn, đi chợ hộ khu {place}, phí ship chỉ {money}, {cta}",
    "tuyển thành viên nhóm kín nhận tín hiệu đầu tư vàng, đã có hàng nghìn người lãi to, {cta}",
    "hỗ trợ lấy lại tiền bị lừa đảo qua mạng 100%, chỉ thu phí khi thành công, {cta}",
    "nhận chạy quảng cáo facebook, tăng like tăng follow giá rẻ, {cta}",
    "quỹ tín dụng hỗ trợ hộ nghèo vay không lãi, đăng ký nhận tiền tại {url}",
    "app {w1}{w2} tặng {money} khi đăng ký bằng số điện thoại, tiền về tài khoản ngay, {url}",
    "em bán {product} do nhà trồng, ai ở {place} em giao tận nơi, {cta}",
    "chuyên cung cấp {product} sỉ và lẻ, giá tận gốc, {cta}",
]

# --------------------------------------------------------------------------------------
# Category: lost_item
# --------------------------------------------------------------------------------------

S["item"] = ["cái ví da {color}", "cái bóp", "chiếc điện thoại {phone_model}", "chùm chìa khóa xe", "CCCD tên {full_name}",
             "bằng lái xe mang tên {full_name}", "cà vẹt xe {bike}", "giấy đăng ký xe biển số {plate}", "thẻ ATM",
             "túi xách {color}", "balo đi học của con", "kính cận", "nhẫn vàng", "bông tai vàng", "sợi lắc tay bạc",
             "hộ chiếu tên {full_name}", "bằng tốt nghiệp", "sổ hộ khẩu cũ", "tập hồ sơ xin việc", "cái đồng hồ",
             "phong bì tiền {money}", "túi đựng {money} tiền mặt", "thẻ bảo hiểm y tế", "cặp tài liệu", "laptop",
             "máy tính bảng", "mũ bảo hiểm {color}", "áo khoác {color}", "ô che nắng", "cái giỏ xách đồ chợ",
             "thẻ sinh viên", "chìa khóa nhà", "giấy khám bệnh", "tai nghe AirPods", "sổ tiết kiệm"]
S["phone_model"] = ["iPhone 12", "iPhone 13 màu xanh", "Samsung A52", "Oppo A5", "Xiaomi đen", "Vivo Y20", "iPhone 11 ốp hồng",
                    "Nokia đen cục gạch", "Realme", "Samsung Galaxy màu trắng"]
S["full_name"] = ["Nguyễn Văn {name}", "Trần Thị {name}", "Lê Văn {name}", "Phạm Thị {name}", "Hoàng Văn {name}",
                  "Võ Thị {name}", "Đặng Văn {name}", "Bùi Thị {name}", "Đỗ Minh {name}", "Huỳnh Thanh {name}"]
S["animal"] = ["con chó {color}", "con chó cỏ lông {color}", "con chó Phú Quốc", "con mèo mướp", "con mèo {color}",
               "con bò {color}", "2 con bê", "đàn vịt hơn 30 con", "con dê", "con trâu", "con vẹt", "con chó Poodle",
               "bầy gà", "con heo nái", "cặp bồ câu", "con chó Corgi", "con ngựa"]
S["lost_body"] = [
    "{me} có đánh rơi {item} trên đoạn đường từ {place} về {place}, ai nhặt được cho {me} xin lại",
    "{past} {me} làm rơi {item} ở khu vực {place}, trong có giấy tờ quan trọng",
    "{me} bị rơi {item} đâu đó quanh {place}, ai thấy {lostcta}",
    "{me} để quên {item} ở {place} {past}, quay lại thì không thấy nữa",
    "ai nhặt được {item} rơi ở {place} thì cho {me} xin lại, {lostcta}",
    "{me} nhặt được {item} ở {place} {past}, ai là chủ {foundcta}",
    "{me} lượm được {item} trước cổng {landmark}, {foundcta}",
    "tìm chủ nhân {item}, {me} nhặt được ở {place}, {foundcta}",
    "{person} nhặt được {item} ở {place}, đã gửi {police} giữ, ai mất tới nhận",
    "{home} bị lạc {animal} từ {past}, ai thấy {lostcta}",
    "{home} đi lạc {animal} ở khu {place}, có đeo vòng cổ, {lostcta}",
    "ai mất {animal} không, đang lang thang ở {place} mấy hôm nay, {foundcta}",
    "{me} thấy {animal} đi lạc vào vườn {home}, chủ nhân {foundcta}",
    "{me} làm mất {item}, có thể rơi trên xe buýt số {n2}, {lostcta}",
    "cảm ơn {person} đã nhặt được và trả lại {item} cho {me}, người tốt việc tốt",
    "{me} đã nhận lại được {item} rồi, cảm ơn {all} đã chia sẻ giúp",
    "cảm ơn {police} đã giúp {me} tìm lại {item} bị đánh rơi",
    "mất {item} và {item} ở {place}, ai nhặt được {lostcta}",
    "sáng nay con {me} đi học làm rơi {item} trên đường tới trường {school}",
    "{me} gửi xe ở {place} rồi làm mất vé, giờ không lấy xe ra được, ai nhặt vé xe số {n} không",
    "ai để quên {item} trên taxi của {me} {past}, liên hệ {phone} để nhận lại",
    "{me} nhặt được một bọc tiền khoảng {money} ở {place}, ai mất nói đúng số tiền {me} trả",
    "tìm {item} bị rơi khi đi đám cưới ở {place}, {lostcta}",
    "thông báo tìm đồ thất lạc: {item}, rơi khoảng {place}, {lostcta}",
    "{me} lỡ làm rơi {item} xuống mương ở {place}, ai có cách vớt giúp với",
    "ai lấy nhầm {item} ở tiệc {place} {past} thì trả lại giúp {me} với",
]
S["lostcta"] = ["xin liên hệ {phone}, {me} hậu tạ", "báo giúp {me} với", "gọi {me} số {phone}, xin cảm ơn",
                "{me} xin hậu tạ", "nhắn tin cho {me} nhé, {me} cảm ơn nhiều", "liên hệ {phone} có hậu tạ",
                "trả lại giúp {me}, {me} gửi tiền cà phê", "làm ơn báo {me}, đồ kỉ niệm không có giá trị với người khác"]
S["foundcta"] = ["liên hệ {phone} mô tả đúng {me} trả", "nhắn {me} nhận lại nhé", "tới nhà {me} ở {place} nhận",
                 "{me} đã gửi ở {police}", "inbox {me} để nhận lại", "gọi {phone} nha", "mô tả đúng đặc điểm thì {me} trả"]

# --------------------------------------------------------------------------------------
# Category: off_topic (including hard cases: crime-ish words used innocently)
# --------------------------------------------------------------------------------------

S["team"] = ["Việt Nam", "Thái Lan", "Indo", "Man Utd", "Real", "Barca", "Hà Nội FC", "Công an Hà Nội", "Nam Định",
             "HAGL", "Bình Định", "Arsenal", "Liverpool", "U23 Việt Nam", "đội tuyển nữ", "Chelsea", "Thể Công"]
S["food"] = ["bún bò", "phở", "bánh xèo", "canh chua", "cá kho tộ", "bánh chưng", "xôi gấc", "chè đậu đỏ", "gỏi cuốn",
             "bánh canh", "mì Quảng", "bún chả", "nem rán", "thịt kho trứng", "lẩu mắm", "dưa món", "bánh bèo"]
S["off_body"] = [
    "chào buổi sáng cả nhà, chúc {all} một ngày làm việc vui vẻ",
    "chúc {all} buổi tối an lành",
    "cảm ơn {police} đã luôn đồng hành cùng bà con",
    "cảm ơn anh đã thông tin, {me} nắm rồi ạ",
    "dạ vâng ạ, {me} cảm ơn anh",
    "ok anh, đã rõ",
    "nhân dịp Tết Nguyên Đán chúc {all} năm mới sức khỏe dồi dào, làm ăn phát đạt",
    "chúc mừng ngày Phụ nữ Việt Nam 20/10 các chị em trong nhóm",
    "chúc mừng sinh nhật {person}, chúc anh chị luôn mạnh khỏe",
    "trung thu này tổ mình có tổ chức phát quà cho các cháu không {all}",
    "hôm nay trời nắng nóng quá, {n2} độ luôn, ai ra đường nhớ mang nước",
    "mưa to quá {all} ơi, đường {street} ngập tới đầu gối rồi",
    "nghe dự báo cuối tuần có bão, {all} chằng chống nhà cửa cho kỹ nha",
    "rét đậm quá, sáng nay có {n2} độ, các cụ giữ ấm nhé",
    "tối nay {team} đá với {team}, anh em dự đoán tỉ số bao nhiêu",
    "{team} thắng rồi, đi bão thôi anh em ơi",
    "thủ môn {team} cứu thua xuất sắc quá, xem mà hồi hộp",
    "trận hôm qua {team} bị cướp mất chiến thắng phút cuối, tiếc thật",
    "giá xăng lại tăng rồi, đổ đầy bình giờ hết {money}",
    "dạo này rau với thịt lên giá quá, đi chợ {money} không đủ mua đồ ăn",
    "tháng này tiền điện nhà {me} lên {money}, có nhà ai bị vậy không",
    "cúp điện từ sáng tới giờ chưa có lại, nóng muốn xỉu",
    "nước máy khu {place} yếu quá, tối mới có nước, {all} có bị không",
    "mạng internet chậm quá, không biết bị gì",
    "cho {me} hỏi họp tổ dân phố tối nay mấy giờ ạ",
    "anh ơi đóng quỹ khuyến học năm nay ở đâu ạ",
    "cho hỏi làm lại thẻ bảo hiểm y tế cho con thì lên đâu ạ",
    "tổ trưởng ơi bao giờ phát gạo hỗ trợ vậy",
    "cho {me} hỏi khi nào xe rác đi qua khu {place}",
    "lịch tiêm chủng cho trẻ tháng này ở trạm y tế là ngày nào {all}",
    "{me} muốn hỏi thủ tục chuyển trường cho con cần giấy tờ gì",
    "có ai biết chỗ nào dạy bơi cho trẻ con gần {place} không",
    "cho hỏi tiệm sửa xe nào gần {place} làm uy tín",
    "{food} ở quán đầu hẻm ngon lắm nha {all}, ai chưa ăn thì thử",
    "cách nấu {food} sao cho ngon vậy mấy chị",
    "hôm qua {me} mua bó rau ở chợ {pn} mà đắt quá trời",
    "con {me} thi vào lớp 10 năm nay, lo quá",
    "đường {street} mới làm đẹp quá, đi sướng ghê",
    "sáng nay tập thể dục ở công viên {pn} đông vui ghê",
    "chủ nhật này tổ dân phố tổng vệ sinh, {all} nhớ tham gia nhé",
    "thông báo lịch cắt điện ngày mai từ 7h đến 17h khu vực {place}",
    "đám cưới con {person} tổ chức ở nhà văn hóa, mời {all} tới chung vui",
    "{person} mới mất, đám tang tổ chức tại nhà riêng ở {place}, kính báo bà con",
    "{me} thấy mấy đứa nhỏ bây giờ ham điện thoại quá, không chịu ra ngoài chơi",
    "xem phim hành động tối qua cảnh đánh nhau hay quá trời",
    "con mèo nhà {me} ăn vụng hết con cá trên bàn, tức ghê",
    "nồi cơm nhà {me} bị cháy khét hết rồi, hôm nay ăn mì",
    "sale cuối năm ở siêu thị làm {me} cháy túi luôn",
    "vé xem {team} đá bán 5 phút là cháy hàng",
    "bọn nhỏ nhà {me} chơi trò cảnh sát bắt cướp vui lắm",
    "chồng {me} suốt ngày chém gió với mấy ông trong xóm",
    "đọc truyện trinh thám tới 2h sáng, giờ buồn ngủ quá",
    "ông {name} hàng xóm câu được con cá lóc to bự",
    "mấy cây xoài nhà {me} năm nay sai trái quá, ai ăn qua lấy",
    "{me} mới nhận được giấy khen con học giỏi, vui quá {all} ơi",
    "cảm ơn {police} đã bắt được tên trộm hôm trước, bà con yên tâm hơn hẳn",
    "nhóm mình dạo này nhiều thông tin hữu ích, cảm ơn admin",
    "ủa sao dạo này nhóm im ắng vậy",
    "hahaha đúng rồi đó",
    "👍👍👍",
    "dạ",
    "chúc mừng năm mới",
    "mấy giờ rồi mà chưa ai dậy vậy",
    "ngày mai con em đi khai giảng rồi, nhanh thật",
    "lúa năm nay được mùa mà giá thấp quá bà con",
    "trời mưa liên tục, cà phê phơi không khô, rầu ghê",
    "cho hỏi có ai đi chùa {pn} rằm này không, đi chung cho vui",
    "hội thi nấu ăn của phụ nữ phường vào thứ bảy, {all} đến cổ vũ",
    "giải bóng đá thanh niên phường khai mạc chiều nay ở sân {pn}",
    "xin phép anh CSKV cho {me} giới thiệu: {me} mới chuyển về {place}, mong được giúp đỡ",
    "em mới vào nhóm, chào {all} ạ",
    "tin tức: giá vàng hôm nay lại lập đỉnh mới",
    "nghe nói năm sau mở rộng đường {street}, không biết có giải tỏa nhà không",
    "ý kiến cá nhân: phường nên trồng thêm cây xanh cho mát",
    "chó nhà {me} đẻ được 5 con, ai xin nuôi thì qua lấy nha, cho miễn phí",
    "{me} thấy chương trình văn nghệ hôm qua hay quá",
    "mệ {name} ơi chiều ni có ra đồng không, cho con đi ké với",
    "răng chừ còn chưa có điện hè, nóng chi mà nóng rứa",
    "bữa ni trời mát, đi câu cá thôi tụi bây",
    "mấy bữa nay ổng đi làm xa, nhà có mình tui với mấy đứa nhỏ buồn hiu",
    "hông biết năm nay lũ có về sớm hông nữa bà con",
    "trời đất ơi, con nhỏ nhà tui thi đậu rồi, mừng quá trời",
    "bên phường có tổ chức lớp dạy võ miễn phí cho thiếu nhi, ai đăng ký thì nhắn",
    "tui thấy vụ cướp ngân hàng trên phim Hàn coi ly kỳ ghê",
    "đọc báo thấy giá nhà ở thành phố tăng quá, không biết bao giờ mới mua nổi",
    "clip con mèo bắt trộm chuột hài quá, xem cười đau bụng",
    "thằng cháu {me} bị cô giáo phạt vì quên vở, về nhà khóc quá trời",
    "cho {me} hỏi lịch nghỉ lễ 30/4 năm nay mấy ngày vậy",
    "hàng xóm trồng hoa giấy đẹp quá, chụp hình sống ảo được luôn",
    "{me} bị cảm mấy hôm nay, ai biết bài thuốc nào hay chỉ {me} với",
    "tuần sau phường tổ chức hiến máu nhân đạo, {all} tham gia nhé",
    "đi chợ hôm nay thấy cá tươi rẻ quá, mua về kho",
    "tổ mình dán thông báo thu phí vệ sinh tháng này {money}",
    "đề nghị đèn đường ở {place} sửa lại giúp, tối quá đi không thấy đường",
    "cái ổ gà ở {place} lâu quá chưa ai vá, đi xe xóc muốn rớt luôn",
    "cây xanh trước {landmark} sắp đổ, ai báo công ty cây xanh giúp với",
    "nhà văn hóa tổ {n} có cho mượn làm đám giỗ không anh",
    "con gái em thích học vẽ, gần đây có lớp nào không",
    "vụ án trên TV hôm qua ghê quá, may mà ở xa nhà mình",
    "anh em ơi mai nghỉ lễ có ai đi câu không",
    "ủa ai biết chỗ nào bán {food} ngon không",
]


# ---- second round of hand-written material: registers and boundary cases ----------------

S["livestock"] = ["con bò cái {color}", "con bò đực sừng cong", "con trâu nghé", "2 con trâu", "con dê đực", "bầy dê 5 con",
                  "đàn vịt chạy đồng", "đàn gà tre", "con gà trống nòi", "con heo rừng lai", "đàn ngỗng", "con ngựa bạch",
                  "bầy bồ câu", "con chó becgie", "con mèo tam thể", "con chó vàng cụt đuôi", "con chó mực", "con mèo Anh lông ngắn",
                  "con vẹt xanh biết nói", "con chim chào mào", "con chó Husky mắt xanh", "cặp gà Đông Tảo"]
S["lost_body"] += [
    "{livestock} nhà {me} sổng chuồng từ {past}, chắc đi lang ra {place}, ai thấy giữ lại giúp",
    "{livestock} nhà {me} tuột dây chạy mất từ {past}, ai thấy ở {place} báo {me}",
    "{livestock} nhà {me} xổng ra ngoài lúc mở cổng, tìm cả buổi chưa thấy",
    "mưa lũ mấy hôm nay làm trôi mất {livestock} của {home}, ai vớt được hay thấy ở đâu cho {me} hay",
    "ai mất {livestock} thì tới {place} nhận, nó vô phá rẫy {me} từ sáng",
    "{livestock} nhà {me} ăn ngoài bãi rồi không về chuồng, đã đi tìm khắp {place} mà không thấy",
    "{livestock} nhà {me} đi lạc mấy bữa rồi, tên nó là {name}, có vòng cổ đỏ, ai thấy nhắn {me}",
    "đã đón {animal} về nhà, cảm ơn {person} đã báo tin cho {me}",
    "tìm được {livestock} rồi nha, cảm ơn cả xóm đã để ý giùm",
    "{me} để quên {item} ở {landmark} {past}, ai thấy cất giùm {me} với",
    "{me} lượm được {item} gần {place}, gửi ở quán nước {person}, chủ tới nhận",
    "có ai thấy {item} {me} bỏ quên trên ghế đá ở {place} không ạ",
    "ai làm rơi {item} ở bãi giữ xe {landmark} thì qua bảo vệ nhận lại nha",
    "{me} mới tìm lại được {item} rồi, cảm ơn {all} nhiều",
    "rơi mất {item} lúc chạy xe qua {place}, ai lượm được làm phước trả lại",
    "{item} của con {me} bị rơi ở sân trường {school}, ai nhặt được trả giúp cháu",
]
S["short_tip"] = [
    "{place} cuối tuần nào cũng có sới gà", "{place} lại tụ tập đánh bài nữa kìa", "tối nay {place} lại có đua xe",
    "lại mất trộm ở {place} rồi bà con", "{place} có người lạ lảng vảng nhìn vô nhà", "nhà {person} bị trộm viếng nữa rồi",
    "lại có cuộc gọi giả công an lừa đảo nha {all}", "{place} tụi nghiện lại tụ tập chích choác", "đường {street} lại có xe quá tải",
    "ai báo giùm {police}: {place} có sòng bạc", "{place} có ổ ghi đề", "có đối tượng khả nghi ở {place}",
]
S["tip_body"] += [
    "{past} kẻ gian cắt lưới trại gà của {home} ở {place}, bắt đi cả chục con",
    "{past} kho củi nhà {person} bị ai đó châm lửa, hàng xóm xúm vào dập tắt rồi, nhờ {police} điều tra",
    "{past} có người ném đá vào nhà {person} rồi bỏ chạy, hư cửa kính",
    "lúc {h}h {past} có người lạ vào {place} hỏi mua đất rồi chụp hình nhà dân, nghi lừa đảo",
    "mấy hôm nay có xe ô tô biển tỉnh ngoài đậu ở {place} cả đêm, người trong xe cứ nhìn ra",
    "{me} bị một tài khoản giả làm shop lừa đặt cọc {money} rồi chặn liên lạc",
    "có người đi xe {bike} dán thông báo cho vay, khoan cắt bê tông lên tường nhà dân ở {place}, bôi bẩn khắp nơi",
    "{person} bị mất trộm {stolen} ngay giữa ban ngày ở {place}",
    "nhóm thanh niên ở {place} hay uống rượu rồi gây gổ, chửi bới người qua đường",
    "đêm nào cũng có người lạ chở hàng cấm qua {place}, nghi buôn lậu pháo",
    "có người lạ gõ cửa từng nhà ở {place} hỏi nhà có ai ở không, bà con cẩn thận",
    "xe máy của sinh viên trọ ở {place} bị bẻ khóa liên tục, tháng này mất {n2} chiếc rồi",
    "{home} bị kẻ gian dùng câu móc lấy đồ qua cửa sổ {past}, mất điện thoại với ví",
    "thông tin cho {police}: đối tượng trộm xe hôm trước hay ngồi quán cà phê ở {place}",
    "bà con cảnh giác, có tin nhắn giả mạo {police} yêu cầu cập nhật định danh qua link lạ, đừng bấm vào",
    "mẹ {me} nhận được cuộc gọi nói con bị bắt, đòi chuyển {money} để lo, may mà gọi lại kiểm tra kịp",
]
S["urg_body"] += [
    "ngửi thấy mùi khí gas rất nặng trong hành lang {place}, nghi bình gas nhà ai bị xì, {all} tắt bếp và ra ngoài ngay",
    "rò rỉ khí gas ở quán ăn {place}, mọi người đang sơ tán",
    "chập điện bốc khói ở cột điện {place}, lửa bắt qua nhà dân rồi",
    "xe máy đang bốc cháy giữa đường {street}, người trên xe bị bỏng",
    "có người đàn ông lạ đang dụ một bé gái lên xe ở {place}, {me} đang bám theo",
    "ông {me} {old_age} tuổi lú lẫn, bỏ nhà ra đi từ {h}h, tìm quanh {place} không thấy, mặc {shirt}",
    "mẹ {me} bị đãng trí, đi lạc từ sáng ở khu {place}, {all} ai gặp báo {me} với",
    "đứa nhỏ nhà {person} tắm sông chiều nay tới giờ chưa về, cả xóm đang đi tìm",
    "chồng chị {name} đang say rượu cầm {weapon} đòi đốt nhà, mẹ con chị chạy ra đường rồi",
    "có 3 thằng đang bẻ khóa xe ở {place}, {me} thấy tận mắt, {police} tới liền",
    "tụi nó đang đánh một người ở {place}, nằm bất động rồi",
]
S["spam_body"] += [
    "nhà {me} có bầy {pet} con, khỏe mạnh, bao bệnh 1 tuần, để lại {money} một bé",
    "{me} đổi xe nên để lại {bike} {year}, máy êm, biển số đẹp, {money}, ai thích qua {place} coi",
    "vườn nhà {me} đang thu hoạch {fruit}, bán tại vườn {money} một ký, đặt trước để {me} hái",
    "nhà {me} mới về lô {product}, giá mềm cho bà con trong nhóm, ghé nhà ở {place} lấy hàng nha",
    "sang nhượng quán {food} đang đông khách ở {place}, giá {money}, do không có người trông",
    "nhận may đồ, sửa đồ, lên lai quần lấy liền ở {place}, giá bình dân",
    "khẩn: tài khoản VNeID của quý vị chưa được đồng bộ, xác thực khuôn mặt tại {url} để tránh gián đoạn",
    "{police} {pn} gửi bà con: đăng ký nhận tiền hỗ trợ {money} qua đường link {url}",
    "{me} đang có {pet} con cần tìm chủ mới, phí {money}, bao khỏe, {cta}",
    "ai có nhu cầu mua {fruit}, {product} thì liên hệ {me} nhé, giá rẻ hơn ngoài chợ",
    "em nhận nấu cỗ, đặt tiệc tại nhà trọn gói {money}/mâm, {cta}",
    "tuyển nhân viên bán hàng ca tối, lương {money} + thưởng, không cần kinh nghiệm, {cta}",
    "xe ghép, xe tiện chuyến {pn} đi sân bay giá rẻ, đón tận nhà, {cta}",
    "nhận chuyển nhà, chuyển trọ trọn gói giá sinh viên, {cta}",
]
S["pet"] = ["chó Poodle", "chó Corgi", "mèo Anh lông ngắn", "chó Phốc sóc", "chó Becgie", "mèo Ba Tư", "gà Đông Tảo",
            "chim chào mào", "cá Koi", "chó Husky"]
S["fruit"] = ["sầu riêng", "bưởi da xanh", "xoài cát", "chôm chôm", "măng cụt", "vải thiều", "nhãn lồng", "cam sành",
              "thanh long ruột đỏ", "bơ sáp", "mít Thái"]
S["year"] = [str(y) for y in range(2010, 2025)]
S["province"] = ["Hải Phòng", "Bình Dương", "Quảng Ninh", "Nghệ An", "Đồng Nai", "Cần Thơ", "Gia Lai", "Thanh Hóa",
                 "Long An", "Bắc Ninh", "Kiên Giang", "Đắk Lắk", "Lạng Sơn", "Tây Ninh", "Hà Tĩnh"]
S["news_crime"] = ["bắt băng nhóm trộm chó liên tỉnh", "khởi tố vụ buôn lậu gỗ quý", "xe container tông sập nhà dân",
                   "cháy rừng phòng hộ hàng chục hecta", "lật thuyền trên hồ thủy điện", "bắt kẻ giả danh nhà báo tống tiền",
                   "triệt xóa đường dây cá độ bóng đá", "sạt lở vùi lấp lán trại công nhân", "xử phạt cây xăng bán thiếu",
                   "bắt đối tượng cướp ngân hàng sau 2 ngày lẩn trốn", "phá ổ nhóm cho vay nặng lãi qua app",
                   "tai nạn liên hoàn trên cao tốc làm kẹt xe nhiều giờ"]
S["off_body"] += [
    "có ai đọc vụ ở {province} {news_crime} chưa, ghê thật",
    "báo đăng: tại {province} {news_crime}",
    "nghe đài nói ở {province} vừa {news_crime}, may không phải xứ mình",
    "chuyển tiếp tin: {province} {news_crime}, ai quan tâm thì đọc link bài gốc",
    "đọc báo sáng nay thấy vụ ở {province} {news_crime}, may mà quê mình yên bình",
    "xin chia buồn cùng gia quyến {person}, nguyện cầu hương linh sớm siêu thoát",
    "vô cùng thương tiếc báo tin {person} đã từ trần, lễ viếng tổ chức tại nhà",
    "admin xin nhắc: nhóm này để trao đổi chuyện an ninh, bà con vui lòng hạn chế gửi tin quảng cáo và nhắn tin khuya",
    "admin nhắc: bà con không đăng bán hàng trong nhóm nha, ai vi phạm sẽ bị mời ra",
    "lịch cho trẻ uống vitamin A ở trạm y tế là hôm nào vậy {all}",
    "ai hay chạy bộ buổi sáng ở công viên {pn} cho {me} nhập hội với",
    "chủ nhật này thanh niên xóm {pn} gặp đội xóm bên đá bóng, có ai ra sân xem không",
    "hóa đơn internet tháng này tự nhiên tính thêm {money}, gọi tổng đài hoài không ai nghe",
    "tiền nước tháng này {money}, sao mà cao quá",
    "giá lúa bây giờ {money}/kg, bán không đủ tiền phân",
    "học phí năm nay tăng lên {money}, lo cho mấy đứa nhỏ đi học mệt ghê",
    "nay chợ {pn} cá lóc {money}/kg, rẻ ghê",
    "hôm qua đi đám cưới mừng {money} mà nghe nói ít quá",
    "tui mới mua cái quạt {money} ở chợ, xài tốt lắm",
    "ai có kinh nghiệm trồng {fruit} chỉ {me} với, cây nhà {me} rụng trái hoài",
    "cuối tuần này xã tổ chức hội chợ nông sản, bà con ghé chơi",
    "chương trình trao học bổng cho học sinh nghèo vượt khó sẽ tổ chức ở nhà văn hóa {pn}",
    "chúc mừng đội bóng {pn} vô địch giải phường năm nay",
    "lớp học tiếng Anh miễn phí cho thiếu nhi của đoàn thanh niên khai giảng thứ {d1} này",
    "hôm nay phường kiểm tra phòng cháy chữa cháy ở các hộ kinh doanh, {all} chuẩn bị bình chữa cháy nha",
    "nhà {me} mới sơn lại cổng, ai đi ngang nhớ né kẻo dính sơn",
    "ủa hôm nay có ai đi họp phụ huynh trường {school} không",
    "đường lên nương mùa này trơn quá, bà con đi cẩn thận",
    "năm nay nước lên sớm, mấy ruộng dưới trũng chắc thu hoạch không kịp",
    "bữa nay trời nắng đẹp, phơi lúa được rồi bà con ơi",
    "mấy o mấy mệ ơi chiều ni đi tập dưỡng sinh ở nhà văn hóa hỉ",
    "tụi nhỏ nghỉ hè rồi, có lớp học bơi nào không cho tụi nó tập",
    "tuần sau cắt nước để sửa đường ống, bà con trữ nước trước nha",
    "nhớ hồi xưa xóm mình còn cái giếng làng, giờ lấp mất rồi",
    "bé nhà {me} đau bụng từ tối qua, đi khám bác sĩ nói rối loạn tiêu hóa, cảm ơn mọi người hỏi thăm",
    "nhà {person} mới sinh em bé, chúc mừng gia đình nhé",
    "mấy bác cho hỏi đăng ký tạm trú cho người thuê trọ làm online được không",
    "cho hỏi làm căn cước cho con dưới 14 tuổi có cần đưa cháu lên không ạ",
    "cảm ơn {police} đã tới nói chuyện chuyên đề phòng chống ma túy ở trường, các cháu học được nhiều",
    "phim cảnh sát hình sự tối nay chiếu tập cuối rồi nha {all}",
    "đội mình thua rồi, thủ môn bắt như phá, cay quá",
    "con trai {me} đòi mua súng nước chơi Tết, cho mua không ta",
    "ông xã {me} câu được con cá to quá, tối qua nhà nhậu",
]


# ---- third round: more crime types, everyday chat, natural seller posts ------------------

S["tip_body"] += [
    "ở {place} có người khai thác cát trái phép ban đêm, ghe hút cát chạy ầm ầm, bờ sông sạt dần",
    "có người chặt trộm cây keo trong rừng phòng hộ gần {place}, chở ra bằng xe công nông",
    "có người bán thuốc lá điện tử, bóng cười cho học sinh ngay cổng trường {school}",
    "nghi có đường dây môi giới mại dâm ở nhà nghỉ {place}, khách ra vào suốt đêm",
    "một cô gái trẻ ở {place} bị người lạ hứa cho đi làm lương cao bên kia biên giới, gia đình lo bị lừa bán",
    "hàng xóm hay đánh đập đứa nhỏ con riêng, cháu bị bầm tím khắp người, {police} can thiệp giúp",
    "ở trường {school} có nhóm học sinh bắt nạt, đánh hội đồng bạn rồi quay clip đăng mạng",
    "có người bán hàng giả, hàng nhái ở chợ {pn}, bán cả thuốc không rõ nguồn gốc",
    "tài xế xe tải hay nhậu xong rồi chạy xe qua {place}, lạng lách suýt tông người",
    "nhóm bảo kê ở chợ {pn} thu tiền tiểu thương mỗi ngày, ai không đóng là bị gây khó dễ",
    "có người lấy trộm đồ cúng ở miếu {pn} mấy lần rồi",
    "bị móc túi ở chợ {pn} {past}, mất ví có {money} với giấy tờ, chợ đông quá không biết ai lấy",
    "kẻ gian trộm gương, tháo bánh xe máy đậu ở {place} mấy đêm liền",
    "tụi thanh niên phá đèn đường, vẽ bậy lên tường trường {school}",
    "có người vứt xác heo chết xuống kênh {pn}, bốc mùi cả xóm, nghi do dịch",
    "người ta xây lấn ra hành lang an toàn đường bộ ở {place}, che khuất tầm nhìn khúc cua",
    "{me} nhận được tin nhắn tuyển dụng làm việc online, chuyển {money} xong thì bị chặn, giờ mới biết bị lừa",
    "con {me} chơi game bị dụ nạp thẻ, mất {money}, đứa kia còn dọa nếu báo thì tung ảnh",
    "có người nhận là cán bộ bảo hiểm xã hội gọi bảo cập nhật hồ sơ rồi đòi cài ứng dụng lạ, {all} cẩn thận",
    "{home} bị người lạ đổ sơn và dán giấy đòi nợ trước cổng dù nhà {me} không vay ai",
    "ông {name} ở {place} nhặt được súng tự chế, muốn nộp lại cho {police}",
    "có đám người lạ vào {place} chăng dây bắt chim trời, bắn chim cả trong khu dân cư",
    "sáng nào cũng có xe tải đậu chiếm hết lòng đường ở {place}, học sinh đi học rất nguy hiểm",
    "có đối tượng hay đứng ở {place} trêu ghẹo, sàm sỡ nữ sinh đi học về",
    "camera nhà {me} quay được người lạ trèo vào sân lúc {h}h sáng, thấy có đèn là bỏ chạy",
    "{past} cửa hàng điện thoại ở {place} bị đập kính lấy đồ, chủ tiệm đã báo {police}",
]
S["urg_body"] += [
    "tụi nó còn đang ở trong nhà {person}, đèn pin lấp ló, {me} đứng ngoài canh",
    "ngay trước nhà {me} có người đang bị chém, máu nhiều lắm, tới liền",
    "có đứa nhỏ rớt xuống giếng ở {place}, cả xóm đang cứu mà không ai xuống được",
    "cây đổ đè lên mái nhà {person}, có người kẹt bên trong, cần xe cứu hộ",
    "bé {age} tuổi con {person} đi theo người lạ khỏi cổng trường {school} mới đây, chưa tìm thấy",
    "đang có người đuổi chém nhau giữa chợ {pn}, bà con chạy tán loạn",
    "tên trộm bị dân bắt được ở {place} nhưng có đồng bọn cầm {weapon} tới giải vây",
    "ở {place} có người bị chó dại cắn, chó còn đang chạy rông cắn người khác",
    "con {me} uống nhầm thuốc sâu, đang đưa đi viện mà xe kẹt, ai mở đường giúp với",
    "đang có nhóm người lạ chở hàng cấm qua chốt {pn}, xe {color} biển {plate}, chạy về hướng {street}",
]
S["spam_body"] += [
    "nhà {me} có làm {food} bán buổi sáng, ai ở gần {place} đặt trước {me} mang tới tận nhà",
    "mình chuyên hàng xách tay Nhật, Hàn: {product}, cam kết chính hãng, có sẵn giao ngay",
    "{me} có {product} dư dùng không hết, để lại giá {money} cho ai cần, còn mới nguyên",
    "cơ sở {name} nhận gia công {product} số lượng lớn, giá xưởng",
    "đăng ký gói cước 4G không giới hạn chỉ {money}/tháng, nhắn tin theo cú pháp tới {phone}",
    "vé số kiến thiết giá gốc, mua online trả thưởng tận nhà, {cta}",
    "chị em nào muốn da trắng hồng sau 7 ngày thì inbox em, có quà tặng kèm",
    "tổ chức {name} tặng quà Tết cho hộ nghèo, để nhận vui lòng nộp phí vận chuyển {money} vào số tài khoản {phone}",
    "cần tuyển gấp người làm tại nhà dán tem, xâu hạt, đóng gói, nhận {money}/ngày, đặt cọc nguyên liệu {money}",
    "lớp học làm giàu từ con số 0, học phí chỉ {money}, cam kết thu nhập, {cta}",
    "quý khách được miễn phí 1 năm bảo hiểm sức khỏe, đăng ký ngay tại {url}",
    "thu mua phế liệu, đồ cũ giá cao tận nhà, {cta}",
    "bán gấp nhà cấp 4 ở {place}, diện tích {n}m2, giá {money}, chính chủ không qua trung gian",
]
S["lost_body"] += [
    "{me} mất {item} trên chuyến xe khách từ {province} về {pn} {past}, ai thấy cho {me} xin lại",
    "trên đường đi làm về {me} bị rơi {item} đâu không biết, chắc rơi quanh {place}",
    "{me} có nhặt được {item} tên {full_name}, ai quen người này nhắn giúp",
    "phát hiện {item} bị bỏ quên trên ghế chờ ở {landmark}, chủ nhân liên hệ bảo vệ nhận lại",
    "xin thông báo: {me} đã gửi {item} nhặt được cho {police}, chủ nhân mang giấy tờ tới nhận",
    "con {me} đi học về làm mất {item}, bên trong có tên trường và lớp, ai thấy cho {me} xin",
    "ai ở {place} có thấy {animal} đi lạc không, mất từ {past}, cả nhà đang buồn lắm",
    "{me} đã tìm thấy {item} trong cốp xe, báo để {all} khỏi tìm giúp nữa, cảm ơn",
]
S["off_body"] += [
    "có ai biết tiệm nào sửa điện thoại uy tín ở gần {place} không",
    "nhà {me} có cây mai nở sớm quá, chắc Tết này không còn hoa",
    "chiều nay đi coi bóng đá ở sân {pn}, trận hay quá trời",
    "bà con cho hỏi năm nay đóng bảo hiểm y tế hộ gia đình bao nhiêu tiền một người",
    "mọi người ai có số của thợ sửa ống nước cho {me} xin với",
    "đi ngang {place} thấy hoa sữa nở thơm nức, mùa thu tới rồi",
    "nghe nói sắp có đợt kiểm tra nhà trọ, chủ trọ chuẩn bị giấy tờ cho đủ nha",
    "cảm ơn {police} đã hướng dẫn bà con cài ứng dụng định danh, giờ làm thủ tục nhanh hẳn",
    "ai có con học trường {school} cho hỏi bao giờ họp phụ huynh",
    "sáng nay chợ {pn} đông quá, giá rau tăng gấp đôi",
    "năm nay trung thu tổ mình làm lồng đèn cho tụi nhỏ, ai rảnh qua phụ",
    "mấy hôm nay nóng quá, đêm ngủ không được",
    "ủa điện nhà mọi người có chập chờn không, nhà {me} cứ tắt mở hoài",
    "nhà ai có cây chuối chín cho {me} xin buồng để cúng rằm",
    "thiệt tình tui không hiểu sao giá xăng lên xuống hoài",
    "lâu rồi xóm mình không tổ chức văn nghệ, năm nay làm một buổi đi mọi người",
    "tối qua mất ngủ vì con chó nhà bên sủa cả đêm, chắc nó thấy mèo",
    "con {me} vừa thi đậu đại học, cả nhà mừng quá trời",
    "hôm nay là ngày giỗ ông nội {me}, cả nhà về đông đủ",
    "ai trồng rau sạch bán cho {me} mua với, rau chợ sợ thuốc quá",
    "nhớ đóng cửa sổ nha, chiều nay có giông đó",
    "tui thấy mấy bữa nay đường sá sạch sẽ hơn hẳn, cảm ơn tổ vệ sinh",
    "hôm nay {me} được nghỉ phép, ở nhà nấu {food} cho cả nhà",
    "có ai đi chợ huyện sáng mai cho {me} quá giang với",
    "mấy anh em công an phường đá bóng giao lưu với thanh niên xóm, vui ghê",
    "phim truyền hình dạo này toàn phim điều tra, xem hoài cũng chán",
    "mất điện mấy tiếng rồi mà đồ trong tủ lạnh hư hết",
    "con heo đất của thằng nhỏ bị nó đập lấy tiền mua kẹo, cười muốn xỉu",
    "nhà {me} có bộ bàn ghế cũ, ai cần cho luôn không lấy tiền",
]


# ---- fourth round: hedged reports, greetings before reports, police-flavoured chat ---------

S["hedge"] = ["không biết có phải không nhưng ", "hình như ", "em thấy lạ là ", "nói thiệt là ", "tui nghi ", "báo để anh em biết: ",
              "không biết nhà ai bị giống em không, ", "kể mọi người nghe, ", "chắc mọi người cũng biết rồi, ",
              "hỏi thử coi, ", "em xin phép báo: ", "hic, ", "huhu ", "chuyện là ", "lần thứ 3 trong tháng rồi, "]
S["greeting_sentence"] = ["Chào buổi sáng cả nhà.", "Chúc mọi người buổi tối vui vẻ.", "Dạ em chào anh CSKV và cả nhóm ạ.",
                          "Xin chào bà con.", "Em mới vào nhóm, chào cả nhà.", "Chào anh chị, cuối tuần vui vẻ.",
                          "Chúc cả nhà năm mới an khang.", "Hôm nay trời đẹp quá mọi người ha.", "Dạ thưa các anh.",
                          "Chào mọi người, lâu rồi mới lên nhóm.", "Sáng nay trời mưa to quá."]
S["off_body"] += [
    "anh CSKV ơi cuối tuần này tổ mình họp lúc mấy giờ vậy anh",
    "cảm ơn {police} đã tới dự lễ khai giảng và tặng quà cho các cháu",
    "chúc mừng ngày truyền thống Công an nhân dân, chúc các anh luôn mạnh khỏe",
    "anh {name} công an khu vực mới về phường mình hiền mà nhiệt tình lắm",
    "nhà mình ai có nhu cầu học lái xe thì đăng ký ở đâu vậy, cho em hỏi với",
    "con trai {me} thi vào trường công an, mọi người cầu may cho cháu nha",
    "hôm qua nghe đài nói sắp có đợt nắng nóng kéo dài, bà con chú ý sức khỏe",
    "thấy công an phường đi tuần tối qua, yên tâm ghê",
    "tụi nhỏ đòi đi xem diễu hành kỷ niệm ngày lễ, ai đi chung không",
    "đường làng mới lắp camera với đèn năng lượng mặt trời, đẹp quá bà con ơi",
    "cho hỏi xin giấy xác nhận cư trú thì lên phường buổi nào",
    "anh em ơi nhóm này chỉ để báo tin an ninh nha, chuyện khác mình nhắn riêng",
    "vụ trộm hôm bữa công an bắt được rồi đó, bà con khỏi lo",
    "đọc lại mấy tin trong nhóm mới thấy xóm mình dạo này yên ổn hơn nhiều",
    "sáng nay {me} đi tập thể dục gặp anh CSKV, ảnh hỏi thăm bà con quá trời",
    "bà con nào biết chỗ sửa khóa cửa không, chìa nhà {me} bị gãy trong ổ",
    "ai biết thủ tục sang tên xe máy làm ở đâu, {me} mới mua lại xe của người quen",
    "tối nay có phim hình sự hay lắm, 8h trên VTV",
    "nhà tui mới nuôi con chó giữ nhà, sủa dữ lắm, ai đi ngang nhớ coi chừng",
    "nghe ông bà kể hồi xưa xóm này trộm cướp dữ lắm, giờ thì yên rồi",
]
S["tip_body"] += [
    "{hedge}nhà trọ cuối {place} có mấy người lạ mới tới ở, đêm nào cũng mở nhạc bay lắc",
    "{hedge}mấy hôm nay có người đi xe {bike} không biển chạy chậm qua {place}, nhìn vô từng nhà",
    "{hedge}{home} bị mất {stolen} mà không thấy dấu vết cạy phá gì",
    "{hedge}quán nước đầu {place} là chỗ tụi nó hẹn nhau mua bán ma túy",
    "{hedge}có nhóm người ngoài tỉnh thuê kho ở {place} chứa hàng gì không rõ, ra vào lúc nửa đêm",
    "{hedge}bữa giờ có người gọi cho các cụ trong xóm xưng là cán bộ bảo hiểm, hỏi số tài khoản",
    "{hedge}mấy thanh niên ở {place} đang rủ nhau tối nay đi đánh nhóm bên {pn}",
    "{hedge}xe rác tự chế chạy ban đêm đổ trộm rác ra ven {place}",
]


# ---- fifth round: everyday help requests, infrastructure, more sellers and emergencies -----

S["off_body"] += [
    "ai có số thợ sơn nhà uy tín cho {me} xin, nhà {me} ở {place}",
    "đèn đường khúc {place} tắt mấy bữa rồi, ai báo điện lực giùm",
    "cống thoát nước ở {place} bị nghẹt, mưa xuống là ngập, mong tổ dân phố kiến nghị",
    "mọi người ai có xe đẩy em bé cũ không dùng cho {me} xin lại",
    "nhà {me} dư mấy bao quần áo cũ, ai cần cho tụi nhỏ mặc thì qua lấy",
    "ai chỉ giúp {me} cách đóng tiền điện qua app với, {me} lớn tuổi không rành",
    "thợ cắt tóc nào ở gần {place} cắt đẹp vậy mọi người",
    "có ai đi khám ở bệnh viện tỉnh rồi cho {me} hỏi phải dậy mấy giờ lấy số",
    "cây me trước {landmark} cành khô sắp gãy, đi ngang sợ lắm, ai báo công ty cây xanh",
    "tổ mình góp tiền sửa lại cái nhà chờ xe buýt nha, mỗi nhà {money}",
    "trường {school} thông báo cho học sinh nghỉ học ngày mai vì bão",
    "{me} tính mở lớp dạy đàn miễn phí cho tụi nhỏ trong xóm vào chủ nhật, ai quan tâm không",
    "đường {street} đang làm cống, bà con đi đường khác cho đỡ kẹt",
    "xe chở nước sạch về tới đầu {place} rồi, nhà nào cần ra lấy",
    "nhà {person} làm đám giỗ cần mượn thêm bàn ghế, ai có cho mượn với",
    "bà con nhớ mang theo giấy tờ khi đi bầu cử trưởng thôn sáng chủ nhật",
    "tui mới tập đi xe máy, lần đầu chạy ra đường mà run quá",
    "mấy đứa nhỏ xóm mình đá banh giỏi ghê, chắc sau này thành cầu thủ",
    "con mèo nhà {me} tối nào cũng đi chơi khuya mới về, lo ghê",
    "ai muốn học nấu {food} thì qua nhà {me} chiều nay, {me} chỉ cho",
]
S["urg_body"] += [
    "khói đen bốc ra từ nhà {person} ở {place}, cửa khóa ngoài mà bên trong có tiếng người",
    "bình gas nhà {person} bị xì, mùi nồng khắp hẻm, bà con tránh xa đừng bật điện",
    "đang có xe tải mất phanh lao xuống dốc {pn}, tông mấy xe máy rồi",
    "có nhóm đòi nợ đang đập cửa nhà {person}, cầm theo {weapon}, cả nhà trốn trong phòng",
    "bé trai đạp xe rớt xuống kênh {pn}, chìm mất rồi, ai biết bơi ra cứu với",
    "có người đang cầm {weapon} đứng chặn đầu hẻm {n}, ai đi qua là đòi chém",
    "cửa hàng xăng dầu {pn} đang bốc cháy, lửa lan ra đường",
]
S["spam_body"] += [
    "ai cần mua {pet} con thì qua nhà {me} ở {place} coi, giá mềm",
    "{me} bán lại {product} mới dùng 1 tháng, giá {money}, bao test",
    "nhà {me} mới làm mẻ {food} ngon lắm, bán {money} một phần, ai lấy thì đặt nha",
    "đặt bánh kem sinh nhật giao tận nhà khu {place}, giá từ {money}",
    "nhận giữ trẻ tại nhà ở {place}, có kinh nghiệm, giá {money}/tháng",
    "có ai cần thuê xe 7 chỗ đi tỉnh không, {me} chạy giá rẻ cho bà con",
    "vựa {fruit} {name} xả hàng cuối vụ {money}/kg, mua nhiều bớt thêm",
    "cho thuê mặt bằng kinh doanh mặt tiền đường {street}, giá {money}/tháng",
    "nhà {me} nhận đặt cỗ, xôi, chè cho đám giỗ đám cưới, giá cả phải chăng",
]
S["lost_body"] += [
    "{me} làm mất vé gửi xe ở {landmark}, ai nhặt được vé số {n} cho {me} xin lại",
    "trong lúc đi lễ ở chùa {pn}, {me} đánh rơi {item}, ai thấy làm ơn báo {me}",
    "{me} đi chợ về thì thấy mất {item}, chắc rơi lúc lấy tiền trả, {lostcta}",
    "{person} nhặt được {item} ở {place}, đang giữ tại nhà, ai mất qua nhận",
    "sáng nay có ai rớt {item} ở ngã ba {pn} không, {me} cầm về rồi",
    "{animal} của ai đi lạc vào nhà {me}, đeo vòng cổ có chuông, {foundcta}",
]


# ---- sixth round: whole long messages, written as people tell a story ----------------------

S["tip_body"] += [
    "{past} lúc đi làm về {me} thấy cửa nhà mở toang, tủ quần áo bị lục tung, mất {money} tiền mặt với {stolen}. {me} đã giữ nguyên hiện trường, nhờ {police} xuống xem giúp",
    "không phải lần đầu đâu {all}, tháng trước nhà {person} mất {stolen}, tuần này tới nhà {me} mất {stolen}. Chắc có người trong khu chỉ điểm",
    "{me} đi chợ {pn} thấy một người đàn ông cứ lẽo đẽo đi sau mấy bà lớn tuổi, lúc chen lấn thì thò tay vô giỏ. {me} la lên thì hắn bỏ đi về hướng {street}",
    "mấy đêm nay khoảng {h} giờ sáng có tiếng xe máy rú ga chạy vòng vòng {place}, sáng ra thấy dép với mấy cái chậu cây trước nhà bị lấy mất",
    "nhà bên cạnh {me} cho một nhóm thanh niên thuê, toàn đi xe không biển, người xăm trổ, ban ngày ngủ ban đêm đi. Bà con trong hẻm ai cũng ngại",
    "ba {me} nhận được điện thoại nói trúng thưởng xe máy, phải nộp {money} phí trước. Ông tin nên đã chuyển rồi, giờ gọi lại không ai nghe. Nhà {me} muốn trình báo thì làm sao",
    "sáng nay con {me} đi học về kể ở cổng trường {school} có người lạ phát kẹo và hỏi nhà ở đâu, ba mẹ làm gì. {me} lo quá, nhờ {police} để ý giờ tan trường",
    "{person} bán tạp hóa ở {place} bị 2 thanh niên vào mua hàng rồi đưa tờ 500 nghìn giả, bả mới phát hiện. Bà con buôn bán coi chừng",
    "mấy ông ở {place} tối nào cũng bày chiếu đánh bài, tiền để đầy chiếu, con nít đứng coi. Nói hoài không nghe",
    "đoạn cua {place} xe tải chở mía chạy quá tải rơi mía đầy đường, {past} có 2 người đi xe máy té rồi",
    "con nhà {person} mới 15 tuổi mà bị tụi trong xóm rủ đi chơi đá, nay cháu bỏ học, đêm không về. Gia đình nhờ {police} giúp đỡ",
    "hôm rồi có người gọi {me} xưng cán bộ thuế nói {me} còn nợ thuế, bắt bấm vào đường link để nộp. May {me} hỏi con trước nên không mất tiền, {all} cẩn thận",
    "ở khu trọ {place} có người thường xuyên đánh đập vợ, nửa đêm nghe tiếng khóc la, sáng thấy chị ấy mặt mũi bầm dập",
    "ông {name} ở {place} nuôi chó dữ mà thả rông, tuần này cắn 2 người đi đường phải đi tiêm ngừa, nói ông không chịu xích",
    "thấy có xe bồn hút cát trái phép đậu bến {pn} đêm qua, sáng ra bờ sông sụp thêm một khúc, nhà dân sát mép sông lo lắm",
    "{me} mua hàng online, shipper giao tới đòi {money}, mở ra toàn đá với giấy vụn, số điện thoại người gửi giờ không liên lạc được",
]
S["urg_body"] += [
    "{me} vừa đi ngang {place} thấy một nhóm đang đánh một thanh niên, có đứa cầm {weapon}, người bị đánh nằm dưới đất rồi",
    "nhà hàng xóm đang có cãi nhau to, ông chồng cầm {weapon} rượt vợ con chạy ra đường, tụi nhỏ khóc thét",
    "con {me} {age} tuổi nãy chơi trước nhà, {me} vô nấu cơm ra thì không thấy đâu nữa, tìm hết xóm không thấy, mặc {shirt}",
    "có người đuối nước ở đập {pn}, mọi người kéo lên rồi mà không thở, xe cấp cứu tới chưa",
    "lửa đang cháy trong xưởng may ở {place}, công nhân chạy ra hết chưa không biết, khói đầy trời",
]
S["off_body"] += [
    "hồi sáng đi chợ gặp {person}, bả kể con gái mới sinh cháu ngoại, mập mạp dễ thương lắm. Chúc mừng nhà {person} nha",
    "năm nay xóm mình tổ chức tất niên ở nhà văn hóa, mỗi nhà góp một món, ai đăng ký món gì thì nhắn vô đây cho dễ tính",
    "tối qua coi bóng đá mà tức, đội nhà dẫn trước mà để thủng lưới phút bù giờ. Thôi thì còn trận sau",
    "mấy bữa nay trời trở lạnh, nhà nào có người già con nhỏ nhớ giữ ấm. Nhà {me} bà nội ho quá trời",
    "cho {me} hỏi chút, con {me} năm nay vào lớp 1, làm hồ sơ nhập học cần những giấy gì, có cần giấy khai sinh bản chính không",
    "tui thấy mấy cái thông báo trong nhóm bổ ích lắm, nhờ vậy mà bà con biết mấy chiêu lừa. Cảm ơn anh CSKV nhiều",
    "chiều nay mưa lớn quá, đường trước nhà ngập tới mắt cá, xe chết máy nằm la liệt. Ai đi làm về thì đi đường vòng nha",
    "nhà {me} mới lên đời cái tivi, coi phim đã ghê. Tối nay có ai qua coi bóng đá chung không",
    "bà con ơi năm nay giá heo hơi xuống thấp quá, nuôi lỗ vốn, không biết có ai biết chỗ thu mua giá tốt không",
    "hôm qua đi họp phụ huynh, cô giáo khen con {me} tiến bộ. Mừng quá nên khoe với cả xóm",
    "ai có kinh nghiệm xin cho con học trái tuyến không, {me} muốn cho cháu học gần chỗ làm",
    "nhớ hồi nhỏ xóm mình tối nào cũng tụ tập coi tivi nhà ông {name}, giờ nhà nào cũng có rồi mà không còn vui như xưa",
    "tuần này phường phun thuốc muỗi, bà con đóng cửa, cất đồ ăn nha",
    "con đường bê tông mới đổ xong, bà con đừng chạy xe lên trong 3 ngày nha, kẻo hư mặt đường",
]


# ---- seventh round: rural thefts, fraud variants, hazards; replies and reactions -----------

S["tip_body"] += [
    "{past} trộm vào chuồng dắt mất con bò của {person} ở {place}, dấu chân còn ra tới bờ ruộng",
    "vườn sầu riêng nhà {me} sắp thu hoạch mà đêm qua bị hái trộm gần hết, thiệt hại cả trăm triệu",
    "mùa cà phê năm nào cũng bị hái trộm, năm nay {home} ở {place} mất mấy bao, nhờ {police} tăng cường tuần tra rẫy",
    "có người lạ đi từng nhà ở {place} quyên góp từ thiện, đưa giấy tờ đóng dấu không rõ, {me} nghi là lừa",
    "tài khoản Facebook của {me} bị chiếm, tụi nó nhắn cho bạn bè mượn tiền, đã có người chuyển {money}",
    "{me} đặt cọc thuê nhà qua mạng {money}, tới nơi thì chủ nhà nói không hề đăng tin, bị lừa rồi",
    "có người tự xưng nhân viên ngân hàng tới nhà mời mở thẻ tín dụng, lấy CCCD chụp hình rồi đi mất, {all} đừng đưa giấy tờ",
    "thanh niên xóm {pn} tối nào cũng nhậu xong chạy xe máy chở ba chở bốn, không đội mũ, lạng lách ngoài đường {street}",
    "xe ô tô đậu chắn hết lối vào hẻm {n} cả tuần nay, xe cứu hỏa mà có việc thì không vào được",
    "ở {place} có người tàng trữ pháo hoa nổ bán Tết, kho để ngay trong khu dân cư, rất nguy hiểm",
    "{past} có người lạ đi xe ô tô {color} dừng hỏi đường mấy đứa nhỏ rồi rủ lên xe, may tụi nhỏ chạy về",
    "có đối tượng hay đứng chỗ rút tiền ATM ở {place} nhìn người ta bấm mã, {all} rút tiền coi chừng",
    "xưởng ở {place} xả nước thải đen ra kênh ban đêm, cá chết nổi trắng, bà con ngứa ngáy hết",
    "có đám cờ bạc ăn tiền bằng điện thoại, chơi lô đề online ở quán cà phê {place}, toàn thanh niên",
    "nhóm thanh niên lạ hay chạy xe qua {place} giật điện thoại người đi đường, {past} có 2 người bị",
    "dây cáp điện thoại, cáp quang của cả xóm {pn} bị cắt trộm {past}, mất liên lạc hết",
    "{me} thấy có người đi mua ve chai mà soi từng nhà, ghi ghi chép chép gì đó, hỏi thì bỏ đi",
    "có người phát tờ rơi tuyển người đi làm nước ngoài ở {place}, đòi đặt cọc {money}, nghe nói lừa nhiều người rồi",
]
S["urg_body"] += [
    "dây điện đứt rơi xuống đường {street}, đang xẹt lửa, xe cộ vẫn chạy qua, nguy hiểm quá",
    "trộm đang dắt bò nhà {person} ra khỏi chuồng, bà con ra chặn đầu đường {street} giùm",
    "có đám cháy rừng lan xuống gần nhà dân ở {place}, gió lớn lắm",
    "một bé gái {age} tuổi đang bị người lạ kéo đi ở {place}, bé khóc la, ai ở gần chặn lại",
    "thằng ăn cắp điện thoại vừa bị phát hiện ở {place}, nó rút {weapon} ra dọa, đang chạy vô hẻm",
    "có người say rượu đang đập phá quán {name} ở {place}, cầm {weapon} dọa chém chủ quán",
]
S["off_body"] += [
    "dạ em cảm ơn anh đã thông báo", "đã nhận thông tin, cảm ơn anh", "trời, ghê vậy", "thật hả trời", "+1",
    "hóng tin tiếp", "dạ vâng, để em nhắc nhà em", "ok mọi người", "nhà em cũng nhận được tin nhắn y chang, xóa luôn rồi",
    "dạ em chào cả nhà, em là người mới chuyển tới tổ {n}", "ủa có ai ở {place} không, cho hỏi thăm chút",
    "ai biết chỗ nào tuyển thợ hồ không, em trai {me} đang cần việc", "có ai muốn đi chợ đêm {pn} tối nay không",
    "mùa này đi biển {pn} đẹp lắm, ai đi chưa", "hôm nay giá vàng giảm mạnh, ai tính mua thì mua đi",
    "mấy bà ơi mua bình giữ nhiệt ở đâu tốt vậy", "con {me} bị sốt phát ban, có ai biết bác sĩ nhi nào giỏi không",
    "sáng mai có ai đi lên huyện cho {me} gửi ít đồ", "ai có số điện thoại bên điện lực cho {me} xin",
    "năm nay thu hoạch lúa sớm, máy gặt thuê mắc quá", "tuần sau có đoàn khám bệnh miễn phí cho người già ở trạm y tế",
    "thấy mấy anh dân phòng đi tuần khuya vất vả ghê, cảm ơn các anh",
    "tui mới biết vụ lừa đảo trên mạng nhờ đọc nhóm này, may mà chưa dính",
    "chó nhà {me} mới sinh, ai muốn xin thì qua lấy, cho không",
    "bạn nào ở gần {place} cho {me} gửi nhờ xe buổi trưa được không, {me} trả tiền",
    "có ai thấy dạo này trời tối sớm hơn không", "ngày mai nhớ treo cờ Tổ quốc nha bà con",
]
S["spam_body"] += [
    "nhập mã giới thiệu {w1}{n} khi cài app để nhận ngay {money}, mời được bạn bè nhận thêm",
    "ai muốn làm thêm buổi tối tại nhà, chỉ cần điện thoại, rảnh lúc nào làm lúc đó, kiếm {money}, nhắn {me} hướng dẫn",
    "cửa hàng {name} khai trương chi nhánh mới ở {place}, tặng quà cho 100 khách đầu tiên",
    "bán đất vườn {n} công ở {pn}, có sổ, đường xe hơi vô tận nơi, giá {money}",
    "{me} nhận đăng ký xe, rút hồ sơ gốc, làm giấy tờ nhanh không cần đi lại, phí {money}",
    "chuyên thu mua điện thoại cũ, laptop hư giá cao, tới tận nhà",
    "dịch vụ diệt mối, diệt chuột, diệt gián tận nhà, bảo hành 1 năm, {cta}",
    "tặng ngay {money} cho ai điền khảo sát tại {url}, chỉ mất 2 phút",
]
S["lost_body"] += [
    "{me} để quên {item} trên xe ôm công nghệ {past}, đã báo app mà chưa liên lạc được tài xế, ai quen chỉ giúp",
    "mất {animal} ở {place}, nó sợ người lạ nên hay trốn, ai thấy đừng đuổi mà báo {me}",
    "bé nhà {me} làm rơi {item} ở công viên {pn}, trên đó có dán tên, ai nhặt được cho {me} xin",
    "có ai để quên {item} ở quán {name} không, chủ quán đang giữ",
]


# ---- eighth round: warnings that quote the scam, numbers and prices outside spam ----------

S["spam_quote"] = ["vay tiền online lãi 0%, chỉ cần CCCD, bấm link {url}", "bạn đã trúng thưởng {money}, nhận quà tại {url}",
                   "tài khoản của bạn bị khóa, xác minh tại {url}", "việc nhẹ lương cao, thả tim sản phẩm nhận hoa hồng",
                   "đơn hàng của bạn bị giữ, đóng phí tại {url}", "nạp tiền nhận gấp đôi, rút liền tay",
                   "cập nhật VNeID tại {url} để không bị khóa", "đầu tư lãi {n2}% mỗi ngày, cam kết không lỗ"]
S["tip_body"] += [
    "cảnh báo {all}: ai nhận được tin nhắn \"{spam_quote}\" thì đừng bấm nha, lừa đảo đó, nhà {me} có người dính rồi",
    "{me} vừa nhận tin nhắn \"{spam_quote}\", gửi vô nhóm để bà con biết mà tránh",
    "mẹ {me} bấm vào link trong tin nhắn \"{spam_quote}\" rồi bị trừ hết {money} trong tài khoản, giờ trình báo ở đâu",
    "có số lạ {phone} gọi mời vay tiền rồi đòi đóng phí hồ sơ trước {money}, {me} đóng xong thì bị chặn",
    "bà con cẩn thận mấy trang tự xưng lấy lại tiền bị lừa, {me} bị lừa lần hai mất thêm {money}",
    "có người gửi {person} tin nhắn giả làm {police}, bảo nộp phạt nguội qua số tài khoản lạ, {all} đừng làm theo",
    "số {phone} chuyên gọi giả làm nhân viên giao hàng đòi chuyển khoản phí ship, nhà {me} suýt mất tiền",
]
S["off_body"] += [
    "số tổng đài điện lực là {phone} nha bà con, ai cúp điện thì gọi báo",
    "số anh thợ điện nhà {me} hay gọi là {phone}, làm kỹ mà giá phải chăng, ai cần thì gọi",
    "trạm y tế có số trực {phone}, ai cần hỏi lịch tiêm thì gọi",
    "hôm qua {me} mua {fruit} ở chợ {money} một ký, rẻ hơn năm ngoái",
    "nhà {me} mới đóng tiền học cho con {money}, tháng này kẹt quá",
    "đám cưới con {person} hôm qua đông vui ghê, cỗ ngon lắm",
    "ai có link xem trực tiếp trận {team} tối nay cho {me} xin với",
    "xin số điện thoại của tổ trưởng tổ {n} với ạ, {me} cần hỏi chuyện đóng quỹ",
    "{me} thấy giá điện thoại bây giờ rẻ hơn hồi trước nhiều, {money} là có cái xài được rồi",
]
S["spam_body"] += [
    "dịch vụ lấy lại tiền bị lừa đảo qua mạng, có luật sư hỗ trợ, chỉ thu phí khi thành công, {cta}",
    "bạn bị lừa đảo online? đội ngũ hacker mũ trắng giúp truy vết và thu hồi tiền, {cta}",
    "phạt nguội: phương tiện của bạn vi phạm giao thông, nộp phạt trực tuyến tại {url} để tránh bị tạm giữ",
    "CÔNG AN {pn} THÔNG BÁO: người dân nhận hỗ trợ {money} cần đăng ký tại {url} trước ngày {n2}",
]


# ---- ninth round: more spam registers in our own words -----------------------------------

S["spam_body"] += [
    "💥 HỖ TRỢ TÀI CHÍNH 💥 cần tiền có ngay từ {money} đến {money}, thủ tục 1 nốt nhạc, lãi theo ngày, {cta}",
    "bên em giải quyết khoản vay cho khách nợ xấu, chỉ cần có sim chính chủ, {cta}",
    "cho vay trả góp theo ngày, không giữ giấy tờ gốc, góp {money}/ngày, {cta}",
    "kèo bóng đá ngon nhất hôm nay, tỷ lệ cược cao, thắng rút liền, {url}",
    "chơi tài xỉu online uy tín, hoàn trả mỗi ngày, đăng ký tặng {money}, {url}",
    "xổ số nhanh 5 phút một kỳ, trả thưởng cao gấp đôi đại lý, {cta}",
    "sàn đầu tư chứng khoán quốc tế, chuyên gia hướng dẫn miễn phí, lãi {n2}% mỗi tháng, {cta}",
    "tham gia nhóm kín nhận mã cổ phiếu sắp tăng trần, hoàn toàn miễn phí, {url}",
    "mời bạn tham gia cộng đồng khởi nghiệp 4.0, thu nhập 30-50 triệu/tháng chỉ với chiếc điện thoại, {cta}",
    "bạn mệt mỏi với đồng lương ít ỏi? hãy để {me} chỉ bạn cách tự do tài chính sau 6 tháng, {cta}",
    "gửi bài này cho 10 nhóm Zalo, sau 24 giờ sẽ nhận được quà tặng {money} từ nhà mạng",
    "chương trình tri ân khách hàng: bấm vào link, quay vòng may mắn, trúng ngay xe máy {bike}, {url}",
    "tuyển gấp nhân viên trực page, làm online tại nhà, lương cứng {money} + hoa hồng, không cọc, {cta}",
    "việc làm thêm cho mẹ bỉm: gấp hộp, dán nhãn tại nhà, bao đầu ra, {cta}",
    "nhận gấp 20 người đi làm công ty ở nước ngoài, bao vé máy bay, lương {money}/tháng, {cta}",
    "xả lỗ {product} giá chỉ bằng một nửa ngoài tiệm, hàng có hạn, {cta}",
    "em bán {fruit} ngọt lịm, vườn nhà trồng không thuốc, {money} một ký, giao tận nhà nha mấy chị",
    "nhà có dư ít {product}, bán rẻ cho bà con xài thử, ai lấy thì nhắn em",
    "shop {name} giảm giá sập sàn {product}, mua 1 tặng 1 tới hết chủ nhật, {cta}",
    "cần sang gấp tiệm tạp hóa đang buôn bán ổn định ở {place}, giá {money} gồm hàng hóa",
    "nhận thiết kế, in ấn băng rôn, thiệp cưới giá rẻ, lấy nhanh trong ngày, {cta}",
    "học tiếng Trung cấp tốc 3 tháng đi làm được ngay, học phí {money}, {cta}",
    "dịch vụ làm đẹp tại nhà: nối mi, làm móng, gội đầu dưỡng sinh, ưu đãi {n2}%, {cta}",
    "thu mua xe máy cũ, xe hư, xe không giấy tờ giá cao, {cta}",
    "bán căn hộ chung cư {pn}, 2 phòng ngủ, nội thất đầy đủ, giá {money}, chính chủ",
    "tuyển đại lý phân phối {product} toàn quốc, chiết khấu cao, không cần vốn, {cta}",
]
S["lost_body"] += [
    "{me} làm rơi {item} trên đường {street} đoạn gần {landmark}, ai lượm được {lostcta}",
    "ai thấy {item} màu {color} bị rơi ở bãi giữ xe {pn} thì giữ giúp {me}, {lostcta}",
]


# ---- tenth round: very short urgent messages (typed in a hurry) ---------------------------

S["short_urg"] = [
    "cháy lớn ở {place} rồi", "cháy rồi bà con ơi", "cứu với, nhà {me} cháy", "cháy nhà {person} rồi, ra phụ với",
    "con {me} đi lạc rồi, ai thấy báo {me}", "bé nhà {me} mất tích rồi, giúp {me} với", "giúp {me} tìm con với",
    "con {me} đâu mất rồi, ai thấy bé {age} tuổi mặc {shirt} không", "có người đuối nước ở {place}", "có người chết đuối",
    "đánh nhau to ở {place}", "có trộm, cứu với", "cướp, cướp, chặn nó lại", "tai nạn ở {place}, gọi cấp cứu",
    "có đứa cầm {weapon} ở {place}", "trộm đang trong nhà {me}", "có người bị đâm ở {place}", "khói quá, cháy đâu đó gần {place}",
    "ông nội {me} đi lạc, giúp với", "cả nhà ơi giúp {me} tìm con", "ai thấy con {me} đâu không, nãy còn chơi trước nhà",
    "tìm con gấp, cháu {age} tuổi, mặc {shirt}", "{all} ơi con {me} chưa về, tìm khắp nơi không thấy", "nó cầm {weapon} đuổi chém kìa", "cứu, có người rơi xuống sông", "tụi nó đang đánh nhau ngoài đường",
]
S["lost_body"] += [
    "con mèo nhà {me} đi lạc rồi", "chó nhà {me} sổng mất rồi, ai thấy báo", "mất ví rồi, ai nhặt được trả giúp {me}",
    "rớt điện thoại ở {place}, ai lượm được trả giúp", "ai thấy con chó {color} không, nhà {me} mới lạc",
]

# ---- eleventh round: whole registers and every length, in material_*.py ------------------

S["dd"] = [str(i) for i in range(1, 29)]
S["mo"] = [str(i) for i in range(1, 13)]
MATERIAL_FILES = ["material_off.py", "material_spam.py", "material_tip.py"]


def _load_material() -> None:
    """Merge the hand-written lists ``M`` of the material files into ``S`` (in a fixed order)."""
    for name in MATERIAL_FILES:
        path = HERE / name
        ns: dict = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), ns)
        for key, values in ns["M"].items():
            S.setdefault(key, []).extend(values)


_load_material()

# Openers and closers per category.
S["opener_any"] = ["", "", "", "", "", "", "Chào {all}, ", "Dạ em chào {all}, ", "{all} ơi, ", "Alo alo, ",
                   "Xin chào {police}, ", "Anh {name} ơi, ", "Báo cáo {police}, ", "Cho em hỏi chút, ", "Thưa {police}, ",
                   "Ae ơi ", "Cả nhà ơi ", "Trời ơi ", "Bà con ơi ", "Mọi người ơi "]
S["tip_closer"] = ["", "", "", "Nhờ {police} xác minh giúp.", "Mong {police} để ý giúp bà con.", "Đề nghị {police} xử lý.",
                   "Ai có camera cho em xin trích xuất với.", "{all} cảnh giác nha.", "{police} xuống kiểm tra giúp ạ.",
                   "Em xin giấu tên.", "Nhờ anh em dân phòng tuần tra thêm.", "Mong chính quyền vào cuộc.",
                   "Bà con nhắc nhau khóa cửa cẩn thận.", "Nói hoài mà chưa ai xử lý.", "Em đã báo lên phường rồi.",
                   "{all} để ý giùm.", "Anh CSKV nắm thông tin giúp em.", "Em gửi hình trong nhóm.",
                   "Ai có thông tin gì báo em với.", "Cẩn thận nha mọi người."]
S["urg_closer"] = ["", "Công an xuống gấp giùm!", "Cứu với!!!", "Gọi 113 giúp em với", "Ai ở gần ra hỗ trợ với",
                   "Nhanh lên anh ơi", "gấp gấp gấp", "{police} tới ngay giùm em", "Khẩn cấp!", "Mọi người giúp với!",
                   "Em gọi 113 không được", "Báo gấp!", "Ai gần đó chạy ra coi với", "Cứu!!!",
                   "Tới liền đi anh ơi", "Sợ lắm rồi", "Làm ơn giúp em"]
S["spam_closer"] = ["", "", "Số lượng có hạn!", "Uy tín - chất lượng.", "Cam kết hoàn tiền.", "Ưu đãi chỉ hôm nay.",
                    "Ai cần inbox nhé.", "Freeship nội thành.", "Hàng chuẩn 100%.", "Bao test 7 ngày.",
                    "Xin phép admin cho em đăng bài.", "Mại dô mại dô!", "Giá tốt cho bà con trong nhóm."]
S["emoji_any"] = ["😂", "😍", "🥰", "😭", "😢", "🙏", "👍", "❤️", "😅", "🤣", "😡", "😱", "🔥", "💯", "👉", "☀️", "🌧️",
                  "⚽", "🎉", "🌸", "🍀", "😊", "😆", "😤", "💪", "👏", "🐶", "🏍️", "📢", "⚠️", "🆘", "🚨", "💰", "🎁",
                  "✅", "💥", "🌟", "😌", "🤔"]
S["emoji_spam"] = ["💰", "🎁", "🔥", "✅", "💥", "👉", "📲", "🌟", "💯", "⚡", "🏆", "💸", "🤑", "📣"]
S["emoji_urg"] = ["🆘", "🚨", "😱", "😭", "🙏", "🔥", "⚠️", "‼️"]


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(["09", "03", "07", "08", "05", "02"])
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.randrange(5)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if style == 2:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    if style == 3:
        return "+84" + digits[1:]
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


_SLOT_RE = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random, depth: int = 0) -> str:
    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "phone":
            return _phone(rng)
        return fill(rng.choice(S[key]), rng, depth + 1)

    if depth > 8:
        return template
    return _SLOT_RE.sub(sub, template)


# --------------------------------------------------------------------------------------
# Augmentation
# --------------------------------------------------------------------------------------

class _DropCombining(dict):
    """A ``str.translate`` table that deletes combining marks (filled in as characters are met)."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        self[cp] = value = None if unicodedata.combining(ch) else ch
        return value


_DROP_COMBINING = _DropCombining()


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", decomposed.translate(_DROP_COMBINING))


TEEN_SUBS = [
    ("không", ["k", "ko", "hok", "hông", "khum", "kh"]), ("được", ["dc", "đc", "dk"]), ("gì", ["j", "gi"]),
    ("mọi người", ["mn", "mng", "mọi ng"]), ("vậy", ["v", "z", "zậy", "dzậy"]), ("rồi", ["r", "rùi", "oy"]),
    ("với", ["vs", "zới"]), ("biết", ["bít", "bik"]), ("quá", ["wá", "qá", "wa"]), ("cũng", ["cx", "cg"]),
    ("bây giờ", ["bh", "bjo"]), ("số điện thoại", ["sđt", "sdt"]), ("điện thoại", ["đt", "dt"]),
    ("cảm ơn", ["cám ơn", "tks", "thanks", "camon"]), ("trước", ["trc"]), ("nhiều", ["nhìu"]), ("luôn", ["lun"]),
    ("mới", ["ms"]), ("mình", ["mk", "mik"]), ("anh em", ["ae"]), ("chồng", ["ck"]), ("vợ", ["vk"]),
    ("vào", ["vô", "zô"]), ("hôm nay", ["hnay"]), ("hôm qua", ["hqua"]), ("đang", ["đag", "dag"]),
    ("làm", ["lm"]), ("em", ["e"]), ("người", ["ng"]), ("nhé", ["nha", "nhen", "nghen"]), ("ạ", ["ak", "a"]),
    ("công an", ["CA", "ca"]), ("inbox", ["ib", "inb"]), ("triệu", ["tr", "củ"]),
]


def _word_patterns(subs: list[tuple[str, list[str]]]) -> list[tuple[str, re.Pattern[str], list[str]]]:
    return [(word, re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)"), options) for word, options in subs]


def _substitute(text: str, table: list[tuple[str, re.Pattern[str], list[str]]], rng: random.Random,
                rate: float) -> str:
    # The draw comes first for every word, as it always did (so the data stay the same); a word
    # that is not in the text cannot match, and its substitution would draw nothing.
    for word, pattern, options in table:
        if rng.random() < rate and word in text:
            text = pattern.sub(lambda m: rng.choice(options), text)
    return text


def teencode(text: str, rng: random.Random, rate: float = 0.7) -> str:
    return _substitute(text, _TEEN_PATTERNS, rng, rate)


DIALECT_SUBS = [
    ("không", ["hông", "hổng", "khôn"]), ("gì", ["chi"]), ("sao", ["răng"]), ("vậy", ["rứa", "dzậy", "vầy"]),
    ("ở đâu", ["ở mô"]), ("đâu", ["mô"]), ("này", ["ni", "nì"]), ("kia", ["tê"]), ("tôi", ["tui"]), ("bà ấy", ["bả"]),
    ("ông ấy", ["ổng"]), ("anh ấy", ["ảnh"]), ("chị ấy", ["chỉ"]), ("nhé", ["nghen", "nha", "hỉ"]),
    ("thế nào", ["ra sao", "làm răng"]), ("bây giờ", ["giờ", "chừ", "bi giờ"]), ("mẹ", ["má", "mạ"]),
    ("bố", ["ba", "tía"]), ("ví", ["bóp"]), ("nhặt", ["lượm"]), ("rơi", ["rớt"]), ("vào", ["vô"]), ("nhanh", ["lẹ"]),
    ("ngã", ["té"]), ("cốc", ["ly"]), ("hôm qua", ["bữa qua", "hôm qua"]), ("rất", ["dữ lắm", "quá trời"]),
]


def dialect(text: str, rng: random.Random, rate: float = 0.6) -> str:
    return _substitute(text, _DIALECT_PATTERNS, rng, rate)


_TEEN_PATTERNS = _word_patterns(TEEN_SUBS)
_DIALECT_PATTERNS = _word_patterns(DIALECT_SUBS)


def typo(text: str, rng: random.Random, n: int = 2) -> str:
    words = text.split(" ")
    for _ in range(n):
        idx = rng.randrange(len(words))
        w = words[idx]
        if len(w) < 3:
            continue
        i = rng.randrange(len(w) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif kind == 1:
            w = w[:i] + w[i + 1:]
        elif kind == 2:
            w = w[:i] + w[i] + w[i:]
        else:
            w = w[:i] + rng.choice("aeiounmhtcg") + w[i + 1:]
        words[idx] = w
    return " ".join(words)


def repeat_letters(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    idx = rng.randrange(len(words))
    w = words[idx]
    if w and w[-1].isalpha():
        words[idx] = w + w[-1] * rng.randrange(2, 6)
    return " ".join(words)


def casing(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return text.upper()
    if r < 0.7:
        return text.lower()
    return text[:1].upper() + text[1:]


def add_emoji(text: str, rng: random.Random, pool: str) -> str:
    e = "".join(rng.choice(S[pool]) for _ in range(rng.randrange(1, 4)))
    return text + " " + e if rng.random() < 0.8 else e + " " + text


# --------------------------------------------------------------------------------------
# Message builders
# --------------------------------------------------------------------------------------

def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text[:1].upper() + text[1:] if text else text


def _body(key: str, rng: random.Random) -> tuple[str, str]:
    """A random template of list ``key``, and its family name (list + index)."""
    i = rng.randrange(len(S[key]))
    return S[key][i], f"{key}:{i}"


def build(category: str, urgent: bool, rng: random.Random) -> tuple[str, str]:
    opener = fill(rng.choice(S["opener_any"]), rng) if rng.random() < 0.45 else ""
    if category == "tip" and urgent:
        tpl, family = _body("short_urg" if rng.random() < 0.12 else "urg_body", rng)
        body = fill(rng.choice(S["now_word"]) + tpl, rng)
        closer = fill(rng.choice(S["urg_closer"]), rng)
        if rng.random() < 0.3:  # a second detail sentence
            closer = fill(rng.choice(["Ở {place}.", "Mặc {shirt}.", "Xe {bike} biển {plate}.", "Số em {phone}."]), rng) + " " + closer
    elif category == "tip":
        tpl, family = _body("short_tip" if rng.random() < 0.12 else "tip_body", rng)
        body = fill(tpl, rng)
        closer = fill(rng.choice(S["tip_closer"]), rng)
        if rng.random() < 0.25:
            closer = fill(rng.choice(S["tip_closer"]), rng) + " " + closer
    elif category == "spam":
        tpl, family = _pick(POOLS[("spam", False)]["mid"], rng)
        body = fill(tpl, rng)
        closer = fill(rng.choice(S["spam_closer"]), rng)
        if rng.random() < 0.3:
            opener = ""
    elif category == "lost_item":
        tpl, family = _body("lost_body", rng)
        body = fill(tpl, rng)
        closer = fill(rng.choice(["", "", "Em cảm ơn.", "Cảm ơn cả nhà.", "Đồ kỷ niệm nên em quý lắm.",
                                  "Nhờ anh admin duyệt bài giúp.", "Share giúp em với ạ."]), rng)
    else:
        tpl, family = _pick(POOLS[("off_topic", False)]["mid"], rng)
        body = fill(tpl, rng)
        closer = fill(rng.choice(["", "", "", "", "hihi", "nha", "😄", "hì hì", "vậy đó", "ha ha"]), rng)
    text = _sentence(opener + body)
    if category != "off_topic" and not opener and rng.random() < 0.12:
        text = fill(rng.choice(S["greeting_sentence"]), rng) + " " + text
    if closer:
        sep = ". " if text and text[-1] not in ".!?" else " "
        text = text + sep + closer
    return text, family


def augment(text: str, category: str, urgent: bool, rng: random.Random) -> list[str]:
    """One base message -> itself plus 1-2 noisy variants."""
    out = [text]
    pool = "emoji_urg" if urgent else "emoji_spam" if category == "spam" else "emoji_any"
    for _ in range(rng.choice([1, 1, 2])):
        v = text
        if rng.random() < 0.3:
            v = dialect(v, rng)
        if rng.random() < 0.55:
            v = teencode(v, rng)
        if rng.random() < 0.68:
            v = strip_accents(v)
        if rng.random() < 0.35:
            v = typo(v, rng, rng.randrange(1, 3))
        if rng.random() < 0.2 or (urgent and rng.random() < 0.3):
            v = repeat_letters(v, rng)
        if rng.random() < 0.35:
            v = casing(v, rng)
        if rng.random() < 0.3:
            v = add_emoji(v, rng, pool)
        out.append(v)
    if rng.random() < 0.2:
        out[0] = add_emoji(out[0], rng, pool)
    return out


def dedup_key(text: str) -> str:
    t = strip_accents(text.lower())
    t = re.sub(r"\d", "0", t)
    return re.sub(r"[^\w]+", " ", t).strip()


# --------------------------------------------------------------------------------------
# Length-balanced generation (round 11)
# --------------------------------------------------------------------------------------

# Length buckets (characters) and the share of each category's messages in each.
# The issue's four buckets are <30, 30-79, 80-159, 160+; 160+ is split in two so the
# tail (long stories, long ads, long reports) has the same shape in every category.
BUCKETS = [("<30", 0, 30), ("30-79", 30, 80), ("80-159", 80, 160), ("160-259", 160, 260), ("260+", 260, 10**9)]
BUCKET_SHARE = {"<30": 0.20, "30-79": 0.28, "80-159": 0.28, "160-259": 0.15, "260+": 0.09}
MAX_LEN = 520
MAX_PER_FAMILY = 40  # no template dominates: held-out families stay small and many

# Template pools per (category, urgent) and length mode, with weights.
POOLS: dict[tuple[str, bool], dict[str, list[tuple[str, float]]]] = {
    ("tip", True): {
        "short": [("short_urg", 1.0), ("urg_short2", 1.0), ("urg_missing", 0.6)],
        "mid": [("urg_body", 1.0), ("urg_missing", 0.3)],
        "long": [("urg_long", 1.2), ("urg_body", 1.0), ("urg_missing", 0.3)],
    },
    ("tip", False): {
        "short": [("short_tip", 1.0), ("tip_short2", 1.5)],
        "mid": [("tip_body", 1.0), ("tip_scammed", 0.15)],
        "long": [("tip_long", 1.2), ("tip_body", 1.0), ("tip_scammed", 0.3)],
    },
    ("spam", False): {
        "short": [("spam_short", 1.0)],
        "mid": [("spam_body", 2.5), ("spam_job", 1.2), ("spam_vote", 0.6), ("spam_herbal", 0.7),
                ("spam_sale_casual", 1.2), ("spam_polished", 0.4), ("spam_sms", 0.9)],
        "long": [("spam_long", 1.5), ("spam_polished", 0.8), ("spam_job", 0.8), ("spam_body", 1.0),
                 ("spam_sale_casual", 0.6), ("spam_herbal", 0.5), ("spam_vote", 0.3), ("spam_sms", 0.4)],
    },
    ("lost_item", False): {
        "short": [("lost_short", 1.0)],
        "mid": [("lost_body", 1.0)],
        "long": [("lost_pet_long", 1.3), ("lost_long", 0.8), ("lost_body", 0.8)],
    },
    ("off_topic", False): {
        "short": [("off_short", 1.0), ("off_personal", 0.2), ("off_innocent", 0.05), ("off_comment", 0.2)],
        "mid": [("off_body", 3.5), ("off_chat", 0.8), ("off_quarrel", 2.0), ("off_joke", 0.6), ("off_faith", 0.7),
                ("off_poem", 0.4), ("off_complain", 1.0), ("off_review", 1.8), ("off_admin", 1.0), ("off_news", 2.0),
                ("off_rules", 1.6), ("off_aware", 1.6), ("off_personal", 1.2), ("off_pet", 0.6),
                ("off_innocent", 0.2), ("off_everyday", 1.5),
                ("off_comment", 1.2), ("off_news_lead", 1.0)],
        "long": [("off_story", 1.5), ("off_news_long", 1.0), ("off_long", 1.2), ("off_news", 0.6), ("off_rules", 0.8),
                 ("off_aware", 1.0), ("off_review", 0.9), ("off_quarrel", 0.9), ("off_poem", 0.4), ("off_joke", 0.4),
                 ("off_faith", 0.4), ("off_complain", 0.6), ("off_body", 0.8), ("off_admin", 0.3), ("off_pet", 0.3),
                 ("off_personal", 0.2), ("off_everyday", 0.5)],
    },
}
LONG_LISTS = {"urg_long", "tip_long", "tip_scammed", "spam_long", "spam_polished", "lost_pet_long", "lost_long", "off_story",
              "off_news_long", "off_long"}
EXTENDERS = {("tip", True): "ext_urg", ("tip", False): "ext_tip", ("spam", False): "ext_spam",
             ("lost_item", False): "ext_lost", ("off_topic", False): "ext_off"}
SHORT_OPENERS = ["", "", "", "", "ae ơi ", "alo ", "{name} ơi ", "dạ ", "mn ơi ", "ê ", "chị ơi ", "anh ơi "]
SHORT_CLOSERS = ["", "", "", "", " nha", " ạ", " á", " đó", " luôn", " !!", " ...", " 😅", " 🙏", " hic", " nhé"]


def bucket_of(n: int) -> str:
    for name, lo, hi in BUCKETS:
        if lo <= n < hi:
            return name
    return BUCKETS[-1][0]


def _pick(pool: list[tuple[str, float]], rng: random.Random) -> tuple[str, str]:
    key = rng.choices([k for k, _ in pool], weights=[w for _, w in pool])[0]
    return _body(key, rng)


def _join(text: str, more: str) -> str:
    if not more:
        return text
    sep = " " if not text or text[-1] in ".!?" else ". "
    return text + sep + more


def build_for(category: str, urgent: bool, target: str, rng: random.Random) -> tuple[str, str]:
    """A seed message of the class aimed at length bucket ``target``, and its family."""
    pools = POOLS[(category, urgent)]
    if target == "<30":
        tpl, family = _pick(pools["short"], rng)
        text = fill(rng.choice(SHORT_OPENERS), rng) + fill(tpl, rng) + rng.choice(SHORT_CLOSERS)
        return re.sub(r"\s+", " ", text).strip(), family
    if target == "30-79":
        if rng.random() < 0.5:
            tpl, family = _pick(pools["short"], rng)
            text = _sentence(fill(rng.choice(S["opener_any"]), rng) + fill(tpl, rng)) + rng.choice(SHORT_CLOSERS)
            if len(text) < 30:
                text = _join(text, fill(rng.choice(S[EXTENDERS[(category, urgent)]]), rng))
            return text, family
        tpl, family = _pick(pools["mid"], rng)
        return _sentence(fill(tpl, rng)), family
    if target == "80-159":
        if category == "off_topic" or rng.random() < 0.25:
            # Same family pool as the mid templates, with opener/closer and sometimes one more sentence.
            text, family = build(category, urgent, rng) if rng.random() < 0.5 else (None, None)
            if text is None:
                tpl, family = _pick(pools["mid"], rng)
                text = _sentence(fill(tpl, rng))
            if len(text) < 80:
                text = _join(text, fill(rng.choice(S[EXTENDERS[(category, urgent)]]), rng))
            return text, family
        return build(category, urgent, rng)
    # long targets: a whole long message, or a shorter report/post with one or two more sentences
    lo = 160 if target == "160-259" else 260
    long_only = [(k, w) for k, w in pools["long"] if k in LONG_LISTS]
    if target == "260+" or rng.random() < 0.5:
        tpl, family = _pick(long_only, rng)
        text = _sentence(fill(tpl, rng))
    else:
        tpl, family = _pick(pools["long"], rng)
        text = _sentence(fill(tpl, rng))
        if rng.random() < 0.5:
            closer = fill(rng.choice(S["tip_closer" if category == "tip" and not urgent else "ext_off" if category == "off_topic"
                                       else "urg_closer" if urgent else "spam_closer" if category == "spam" else "ext_lost"]), rng)
            text = _join(text, closer)
    if rng.random() < 0.35:
        text = _sentence(fill(rng.choice(S["opener_any"]), rng) + text[:1].lower() + text[1:])
    used: set[str] = set()
    for _ in range(2):
        if len(text) >= lo + rng.randrange(0, 30):
            break
        src = "filler_any" if rng.random() < 0.2 else EXTENDERS[(category, urgent)]
        more = fill(rng.choice(S[src]), rng)
        if more in used:
            continue
        used.add(more)
        text = _join(more, text) if src == "filler_any" and rng.random() < 0.5 else _join(text, more)
    return text, family


WRITTEN_DIR = HERE / "written"
ORIGINAL_SHARE = 0.7  # at most this share of a class's length bucket is written originals; variants follow
WRITTEN_FAMILY_SIZE = 5  # consecutive written lines form one family (written in one sitting, maybe alike)
CATEGORIES = ("tip", "spam", "lost_item", "off_topic")


class WrittenDataError(ValueError):
    """A line of models/data/written/*.jsonl that cannot be used (file and line named)."""


def load_written(directory: Path = WRITTEN_DIR) -> list[dict]:
    """The free-form, hand-written messages of ``written/*.jsonl`` (see README "Written messages").

    Each line is ``{"text", "category", "urgent", "register"}``. Rows keep their file order;
    files are read in name order, so the result is the same on every machine.
    """
    rows: list[dict] = []
    for path in sorted(directory.glob("*.jsonl")) if directory.is_dir() else []:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise WrittenDataError(f"{where}: not JSON ({exc.msg})") from None
            text, category, urgent = row.get("text"), row.get("category"), row.get("urgent", False)
            if not isinstance(text, str) or not text.strip():
                raise WrittenDataError(f"{where}: 'text' must be a non-empty string")
            if category not in CATEGORIES:
                raise WrittenDataError(f"{where}: 'category' must be one of {', '.join(CATEGORIES)}, not {category!r}")
            if not isinstance(urgent, bool) or (urgent and category != "tip"):
                raise WrittenDataError(f"{where}: 'urgent' must be true or false, and true only for a tip")
            register = str(row.get("register") or "other")
            rows.append({"text": re.sub(r"\s+", " ", text).strip(), "category": category, "urgent": urgent,
                         "family": f"written:{path.stem}:{register}:{(n - 1) // WRITTEN_FAMILY_SIZE}"})
    return rows


HELDOUT_DIR = HERE.parent / "heldout"
#: Every held-out set: the realistic one and each blind set (``blind<n>/messages.jsonl``), found on
#: disk, so that a new blind set is kept out of training by being there, with no list to update.
HELDOUT_FILES = [HELDOUT_DIR / "realistic.jsonl", *sorted(HELDOUT_DIR.glob("blind*/messages.jsonl"))]
RUN_WORDS = 8  # a shared run of this many words (without accents) counts as a shared phrase


def word_runs(text: str, n: int = RUN_WORDS) -> set[str]:
    words = re.findall(r"\w+", strip_accents(text.lower()))
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


class Decontaminator:
    """Keeps the held-out sets out of training: a candidate message that equals a held-out text or
    shares a run of 8 words with one (stock phrases that independent writers both use: "tài khoản
    bị tạm khóa do đăng nhập bất thường ...") is not used. ``dropped`` counts them (README)."""

    def __init__(self, files: list[Path]) -> None:
        self.texts: set[str] = set()
        self.runs: set[str] = set()
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
                if line.strip():
                    text = json.loads(line)["text"]
                    self.texts.add(dedup_key(text))
                    self.runs |= word_runs(text)
        self.dropped = 0

    def clean(self, text: str) -> bool:
        if dedup_key(text) in self.texts or not self.runs.isdisjoint(word_runs(text)):
            self.dropped += 1
            return False
        return True


def generate(seed: int = SEED, per_category: int = PER_CATEGORY, written: list[dict] | None = None,
             heldout: list[Path] | None = None, stats: dict | None = None,
             progress: "Callable[[str], None] | None" = None) -> list[dict]:
    """Written messages first, then one noisy variant of each, then templates, per length bucket.

    Each class fills the same quota per length bucket: first with written originals (a seeded
    random subset where a class has more written messages of that length than the quota), then
    with one noisy variant of each written message while there is room, then with template
    messages. So every class keeps the same length profile, however much was written for it.
    """
    rng = random.Random(seed)
    rows: list[dict] = []
    plan = [("tip", True, URGENT_SHARE), ("tip", False, 1 - URGENT_SHARE), ("spam", False, 1.0),
            ("lost_item", False, 1.0), ("off_topic", False, 1.0)]
    seen: set[str] = set()
    per_family: dict[str, int] = {}
    names = [b[0] for b in BUCKETS]
    written = load_written() if written is None else written
    guard = Decontaminator(HELDOUT_FILES if heldout is None else heldout)
    for category, urgent, share in plan:
        total = round(per_category * share)
        quota = {b: round(total * BUCKET_SHARE[b]) for b in names}
        quota[names[2]] += total - sum(quota.values())
        got = {b: 0 for b in names}
        mine = [w for w in written if w["category"] == category and w["urgent"] == urgent]
        # originals first, in a seeded order, up to ORIGINAL_SHARE of each bucket (a random subset
        # where more were written), then one noisy variant of each kept original, so the class's
        # share of accent-free text does not depend on how its writers typed
        cap = {b: int(quota[b] * ORIGINAL_SHARE) for b in names}
        kept: list[dict] = []
        for w in sorted(mine, key=lambda _w: rng.random()):
            key, b = dedup_key(w["text"]), bucket_of(len(w["text"]))
            if key in seen or not key or len(w["text"]) > MAX_LEN or got[b] >= cap[b] or not guard.clean(w["text"]):
                continue
            seen.add(key)
            rows.append(dict(w))
            kept.append(w)
            got[b] += 1
        for w in kept:
            variant = augment(w["text"], category, urgent, rng)[1]
            b = bucket_of(len(variant))
            key = dedup_key(variant)
            if got[b] >= quota[b] or key in seen or not key or len(variant) > MAX_LEN or not guard.clean(variant):
                continue
            seen.add(key)
            rows.append({**w, "text": variant})
            got[b] += 1
        attempts = 0
        while any(got[b] < quota[b] for b in names) and attempts < total * 60:
            attempts += 1
            open_buckets = [b for b in names if got[b] < quota[b]]
            target = rng.choices(open_buckets, weights=[quota[b] - got[b] for b in open_buckets])[0]
            base, family = build_for(category, urgent, target, rng)
            for variant in augment(base, category, urgent, rng):
                n = len(variant)
                b = bucket_of(n)
                if n > MAX_LEN or got[b] >= quota[b]:
                    continue
                if per_family.get(family, 0) >= MAX_PER_FAMILY:
                    break
                key = dedup_key(variant)
                if key in seen or not key or not guard.clean(variant):
                    continue
                seen.add(key)
                rows.append({"text": variant, "category": category, "urgent": urgent, "family": family})
                got[b] += 1
                per_family[family] = per_family.get(family, 0) + 1
        if progress is not None:
            progress(f"{category}{' (urgent)' if urgent else ''}: {sum(got.values()):,} of {total:,} messages "
                     f"({len(kept):,} written, the rest variants and templates)")
    if stats is not None:
        stats["heldout_dropped"] = guard.dropped
    rng.shuffle(rows)
    for i, row in enumerate(rows):
        row["id"] = f"g{i:05d}"
    return [{"id": r["id"], "text": r["text"], "category": r["category"], "urgent": r["urgent"], "family": r["family"]}
            for r in rows]


def summary(rows: list[dict]) -> tuple[str, bool]:
    """Counts by category x length bucket, medians, accent-free share; and whether lengths are balanced."""
    import statistics

    names = [b[0] for b in BUCKETS]
    classes = ["tip", "tip/urgent", "spam", "lost_item", "off_topic"]
    lens: dict[str, list[int]] = {c: [] for c in classes}
    plain: dict[str, int] = {c: 0 for c in classes}
    for r in rows:
        keys = [r["category"]] + (["tip/urgent"] if r["urgent"] else [])
        for k in keys:
            lens[k].append(len(r["text"]))
            plain[k] += strip_accents(r["text"]) == r["text"]
    lines = [f"{'class':<11}" + "".join(f"{b:>9}" for b in names) + f"{'total':>8}{'median':>8}{'no-dia':>8}"]
    for c in classes:
        cnt = {b: 0 for b in names}
        for n in lens[c]:
            cnt[bucket_of(n)] += 1
        total = len(lens[c]) or 1
        lines.append(f"{c:<11}" + "".join(f"{cnt[b]:>9}" for b in names)
                     + f"{len(lens[c]):>8}{statistics.median(lens[c] or [0]):>8.0f}{plain[c] / total:>8.0%}")
    main = ["tip", "spam", "lost_item", "off_topic"]
    medians = [statistics.median(lens[c]) for c in main if lens[c]]
    ok = bool(medians) and max(medians) <= 1.15 * min(medians)
    for c in main:
        total = len(lens[c]) or 1
        four = [sum(1 for n in lens[c] if n < 30), sum(1 for n in lens[c] if 30 <= n < 80),
                sum(1 for n in lens[c] if 80 <= n < 160), sum(1 for n in lens[c] if n >= 160)]
        ok = ok and all(x / total >= 0.15 for x in four)
    lines.append(f"length balance (medians within 15%, every category >=15% in each of <30/30-79/80-159/160+): "
                 f"{'OK' if ok else 'FAILED'}")
    return "\n".join(lines), ok


def written_summary(rows: list[dict], written: list[dict]) -> str:
    """Per written file: lines, originals used, noisy variants used (rows whose family is written)."""
    originals = {w["text"] for w in written}
    lines_per: dict[str, int] = {}
    for w in written:
        name = w["family"].split(":")[1]
        lines_per[name] = lines_per.get(name, 0) + 1
    used: dict[str, list[int]] = {name: [0, 0] for name in lines_per}
    for r in rows:
        if r["family"].startswith("written:"):
            used[r["family"].split(":")[1]][0 if r["text"] in originals else 1] += 1
    out = [f"{'written file':<24}{'lines':>7}{'used':>7}{'variants':>10}"]
    for name in sorted(lines_per):
        out.append(f"{name + '.jsonl':<24}{lines_per[name]:>7}{used[name][0]:>7}{used[name][1]:>10}")
    total = [sum(v[i] for v in used.values()) for i in (0, 1)]
    out.append(f"{'all':<24}{len(written):>7}{total[0]:>7}{total[1]:>10}   "
               f"(of {len(rows)} rows: {sum(total) / max(1, len(rows)):.0%} written or their variants)")
    return "\n".join(out)


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail if the committed file differs from a fresh run")
    ap.add_argument("--summary", action="store_true", help="print counts by category x length bucket, write nothing")
    args = ap.parse_args(argv)
    stats: dict = {}
    print("generating (about a minute: the template pool of the long lost-item posts runs dry and is"
          " tried to the end)", file=sys.stderr)
    written = load_written()
    rows = generate(written=written, stats=stats,
                    progress=lambda line: print("  " + line, file=sys.stderr, flush=True))
    text = dumps(rows)
    print(f"left out {stats['heldout_dropped']} candidate messages that share a phrase with a held-out set")
    print(written_summary(rows, written))
    if args.summary:
        report, ok = summary([json.loads(line) for line in text.splitlines()])
        print(report)
        return 0 if ok else 1
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs from a fresh generation")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10))} messages to {args.out}")
    report, ok = summary([json.loads(line) for line in text.splitlines()])
    print(report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
