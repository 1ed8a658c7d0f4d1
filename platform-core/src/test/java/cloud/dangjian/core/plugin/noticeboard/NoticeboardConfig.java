package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.plugin.spi.Setting;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The test plugin's typed configuration: one setting of each kind the admin console renders. */
public record NoticeboardConfig(@Setting(zhCN = "公告栏标题", en = "Board title") @NotBlank @Size(max = 40) String title,
        @Setting(zhCN = "置顶条数", en = "Pinned notices", helpEn = "How many notices stay on top") @Min(0) @Max(10) int maxPinned,
        @Setting(zhCN = "允许评论", en = "Allow comments") boolean allowComments,
        @Setting(zhCN = "附件大小上限", en = "Attachment size limit") @Min(0) @Max(10_485_760) long maxAttachmentBytes) {

    public static NoticeboardConfig defaults() {
        return new NoticeboardConfig("公告栏", 3, true, 1_048_576);
    }
}
