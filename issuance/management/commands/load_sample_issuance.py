"""Issue the sample plan (`make run` does, after load_sample_data): safe to run on every start."""

from django.core.management.base import BaseCommand, CommandError

from issuance.sample_issuance import SampleIssuanceError, load_sample_issuance


class Command(BaseCommand):
    help = "载入样例下达：以样例办公室身份下达鼓楼区样例方案（第1版），鼓东街道签收（可重复运行，不重复下达）"

    def handle(self, *args, **options):
        try:
            done = load_sample_issuance()
        except SampleIssuanceError as error:
            raise CommandError(str(error)) from error
        version = done["version"]
        verb = "已下达" if done["issued"] else "此前已下达"
        self.stdout.write(self.style.SUCCESS(f"样例下达：《{done['plan'].title}》{verb}（{version.label}），"
                                             f"{done['receipts']}个单位应签收"))
        if done["signed"]:
            self.stdout.write("  鼓东街道已签收。")
